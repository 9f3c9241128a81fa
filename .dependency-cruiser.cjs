/**
 * The core's capability folders depend on each other one way only: a cycle between two folders
 * (desk -> requests -> desk) means neither can be built, tested or removed without the other.
 * ESLint already keeps the layers apart (renderer, shared, core, shell); this checks inside them.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-capability-cycle',
      comment: 'Capability folders of the core must form a graph without cycles: move the shared part down or invert the dependency with an event.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^electron/core/[^/]+$' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycle',
      comment: 'No file may import itself back through others: the module it needs is not yet initialised when the cycle closes.',
      severity: 'error',
      from: { path: '^(electron|shared)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
  },
};
