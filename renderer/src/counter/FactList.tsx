/** Label and value pairs as a description list, the desk's way of showing facts. */
export function FactList({ rows, testId }: { rows: ReadonlyArray<readonly [string, string]>; testId?: string }) {
  return (
    <dl className="facts" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div className="facts__row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
