import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { API, type Endpoint } from './routes';

type Route = Endpoint<unknown, unknown, unknown>;

/** Every endpoint in API with its parameters left as `:p`, e.g. `GET /api/activities/:p`. */
function declaredByClient(): string[] {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'function') {
      const route = (value as (...params: string[]) => Route)(':p', ':p', ':p');
      found.push(`${route.method} ${route.path}`);
    } else if (typeof value === 'object' && value !== null && 'method' in value) {
      found.push(`${(value as Route).method} ${(value as Route).path}`);
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(visit);
    }
  };
  visit(API);
  return found;
}

function controllerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return controllerFiles(path);
    return entry.name.endsWith('.controller.ts') ? [path] : [];
  });
}

/** The routes the server's controllers declare, read from their decorators. */
function declaredByServer(): Set<string> {
  const routes = new Set<string>();
  for (const file of controllerFiles(join(__dirname, '../../server/src'))) {
    const source = readFileSync(file, 'utf8');
    const prefix = /@Controller\(\s*(?:'([^']*)')?\s*\)/.exec(source)?.[1] ?? '';
    for (const match of source.matchAll(/@(Get|Post|Put|Patch|Delete)\(\s*(?:'([^']*)')?\s*\)/g)) {
      const path = ['api', prefix, match[2] ?? ''].filter((part) => part !== '').join('/');
      routes.add(`${match[1].toUpperCase()} /${path.replace(/:\w+/g, ':p')}`);
    }
  }
  return routes;
}

describe('API routes', () => {
  it('are each declared by a server controller, with the same method and path', () => {
    const server = declaredByServer();
    expect(server.size).toBeGreaterThan(50);
    const unknown = declaredByClient().filter((route) => !server.has(route));
    expect(unknown).toEqual([]);
  });

  it('cover every route a server controller declares, admin routes included', () => {
    const client = new Set(declaredByClient());
    const missing = [...declaredByServer()].filter((route) => !client.has(route));
    expect(missing).toEqual([]);
  });

  it('are not declared twice', () => {
    const all = declaredByClient();
    expect(all.length).toBeGreaterThan(60);
    expect(all.length - new Set(all).size).toBe(0);
  });

  it('fill their parameters into the path', () => {
    expect(API.activities.detail('12')).toEqual({ method: 'GET', path: '/api/activities/12' });
    expect(API.needs.resolve('3', '9')).toEqual({ method: 'POST', path: '/api/needs/3/assignments/9/resolve' });
  });
});
