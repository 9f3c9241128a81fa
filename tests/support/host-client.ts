/** One browser-host client, as a test drives it over real HTTP: the session cookie a one-time address gave it. */
export interface HostClient {
  /** The Cookie header this client sends. */
  cookie: string;
  /** POSTs a body (JSON-encoded unless it is a string) to a path such as /api/app.info. */
  post(path: string, body: unknown, init?: RequestInit): Promise<Response>;
  /** Calls a channel and answers the HTTP status with the parsed body. */
  call(channel: string, input: unknown): Promise<{ status: number; result?: unknown; error?: { code: string; message: string } }>;
}

/** Opens a one-time address the way a browser does, and keeps the session cookie it is answered with. */
export async function openClient(openUrl: string): Promise<HostClient> {
  const response = await fetch(openUrl, { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie');
  await response.arrayBuffer();
  if (response.status !== 303 || !setCookie) throw new Error(`opening ${new URL(openUrl).pathname.slice(0, 6)}... answered ${response.status}, not a session`);
  return clientWithCookie(new URL(openUrl).origin, setCookie.split(';')[0] ?? '');
}

/** A client that sends this Cookie header, e.g. a copied or made-up one. */
export function clientWithCookie(origin: string, cookie: string): HostClient {
  const post = (path: string, body: unknown, init: RequestInit = {}) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      ...init,
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...(init.headers as Record<string, string> | undefined) },
    });
  return {
    cookie,
    post,
    async call(channel, input) {
      const response = await post(`/api/${channel}`, input);
      const body = (await response.json()) as { result?: unknown; error?: { code: string; message: string } };
      return { status: response.status, ...body };
    },
  };
}
