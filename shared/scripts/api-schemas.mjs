// Writes dist/api-schemas.json: for every route in src/routes.ts, its method, path and the JSON Schema of its
// response, generated from the same TypeScript types the clients compile against. The server documents every
// response in its API description from this file, and its e2e tests check every real response against that.
//
//   { routes: { "GET /api/activities/{}": { name, json?: <schema> | file?: [mediaType] } }, schemas: { Name: <schema> } }
//
// A route without `json` or `file` answers no body (`void`). Path parameters are written `{}`; `$ref`s point
// at `#/components/schemas/Name`, where the server puts `schemas`. Error bodies are `schemas.ErrorResponse`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { DEFAULT_CONFIG, SchemaGenerator, createFormatter, createParser } from 'ts-json-schema-generator';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const routesFile = join(root, 'src/routes.ts');
const outFile = join(root, 'dist/api-schemas.json');
const METHODS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE' };

const fail = (node, message) => {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  throw new Error(`src/routes.ts:${line + 1}: ${message}`);
};

// ── 1. Read the route table from the source (syntax only): name, method, path and the response type's text.
const source = ts.createSourceFile(routesFile, readFileSync(routesFile, 'utf8'), ts.ScriptTarget.ES2022, true);
const unwrap = (node) => (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node);

/** Names routes.ts imports or declares: a response type may use these, and the probe below imports them. */
const knownNames = new Set();
/** `type X = FileResponse<'a' | 'b'>` aliases: responses that are files of those media types. */
const fileAliases = new Map();
let apiObject;
for (const statement of source.statements) {
  if (ts.isImportDeclaration(statement)) {
    statement.importClause?.namedBindings?.elements?.forEach((element) => knownNames.add(element.name.text));
  } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
    knownNames.add(statement.name.text);
    if (ts.isTypeAliasDeclaration(statement)) {
      const mediaTypes = fileMediaTypes(statement.type);
      if (mediaTypes) fileAliases.set(statement.name.text, mediaTypes);
    }
  } else if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.name.getText(source) === 'API' && declaration.initializer) apiObject = unwrap(declaration.initializer);
    }
  }
}
if (!apiObject || !ts.isObjectLiteralExpression(apiObject)) throw new Error('src/routes.ts: no `export const API = { … }`');

/** The media types of `FileResponse<'a' | 'b'>`, or undefined for any other type. */
function fileMediaTypes(type) {
  if (!ts.isTypeReferenceNode(type)) return undefined;
  const name = type.typeName.getText(source);
  if (fileAliases.has(name)) return fileAliases.get(name);
  if (name !== 'FileResponse') return undefined;
  const argument = type.typeArguments?.[0];
  const members = argument && ts.isUnionTypeNode(argument) ? argument.types : argument ? [argument] : [];
  return members.map((member) => {
    if (!ts.isLiteralTypeNode(member) || !ts.isStringLiteral(member.literal)) fail(type, 'FileResponse takes string literal media types');
    return member.literal.text;
  });
}

const routes = [];
(function visit(object, prefix) {
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) fail(property, 'API members must be `name: route` assignments');
    const name = [...prefix, property.name.getText(source)];
    let value = unwrap(property.initializer);
    if (ts.isObjectLiteralExpression(value)) {
      visit(value, name);
      continue;
    }
    if (ts.isArrowFunction(value)) value = unwrap(value.body);
    const helper = ts.isCallExpression(value) && ts.isIdentifier(value.expression) ? METHODS[value.expression.text] : undefined;
    const response = helper && value.typeArguments?.[0];
    const pathNode = helper && value.arguments[0];
    if (!response || !pathNode) fail(property, `${name.join('.')}: expected get/post/put/patch/del<Response, …>('/api/…')`);
    let path;
    if (ts.isStringLiteral(pathNode) || ts.isNoSubstitutionTemplateLiteral(pathNode)) path = pathNode.text;
    else if (ts.isTemplateExpression(pathNode)) path = pathNode.head.text + pathNode.templateSpans.map((span) => `{}${span.literal.text}`).join('');
    else fail(pathNode, `${name.join('.')}: the path must be a string or template literal`);
    routes.push({ key: `${helper} ${path}`, name: name.join('.'), response });
  }
})(apiObject, []);

// ── 2. Generate the schemas: a probe interface with one property per JSON response, fed to the generator.
const probePath = join(root, 'src/__api-responses__.ts');
const entries = [];
const used = new Set(['ErrorResponse']);
for (const route of routes) {
  const { response } = route;
  if (response.kind === ts.SyntaxKind.VoidKeyword) continue;
  const mediaTypes = fileMediaTypes(response);
  if (mediaTypes) {
    route.file = mediaTypes;
    continue;
  }
  (function collect(node) {
    if (ts.isTypeReferenceNode(node) && knownNames.has(node.typeName.getText(source))) used.add(node.typeName.getText(source));
    ts.forEachChild(node, collect);
  })(response);
  route.probe = `r${entries.length}`;
  entries.push(`  ${route.probe}: ${response.getText(source)};`);
}
const probe = [
  `import type { ${[...used].sort().join(', ')} } from './index';`,
  'export interface ApiResponses {',
  '  error: ErrorResponse;',
  ...entries,
  '}',
  '',
].join('\n');

const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
const host = ts.createCompilerHost({ ...options, noEmit: true });
const readSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (fileName, languageVersion, ...rest) =>
  resolve(fileName) === probePath ? ts.createSourceFile(fileName, probe, languageVersion, true) : readSourceFile(fileName, languageVersion, ...rest);
const fileExists = host.fileExists.bind(host);
host.fileExists = (fileName) => resolve(fileName) === probePath || fileExists(fileName);
const program = ts.createProgram([probePath], { ...options, noEmit: true }, host);
const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(probePath));
if (errors.length) throw new Error(`a response type in src/routes.ts does not compile:\n${ts.formatDiagnostics(errors, host)}\n${probe}`);

const config = { ...DEFAULT_CONFIG, path: probePath, type: 'ApiResponses', topRef: false, jsDoc: 'basic', encodeRefs: false, skipTypeCheck: true };
const generated = new SchemaGenerator(program, createParser(program, config), createFormatter(config), config).createSchema('ApiResponses');

// ── 3. OpenAPI component names allow [A-Za-z0-9._-] only: Page<ActivityResponse> becomes Page_ActivityResponse.
const names = new Map();
for (const name of Object.keys(generated.definitions)) {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
  if ([...names.values()].includes(safe)) throw new Error(`two response types would share the schema name ${safe}`);
  names.set(name, safe);
}
const relink = (value) => {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key !== '$ref') return [key, relink(inner)];
      const target = decodeURIComponent(inner.replace(/^#\/definitions\//, ''));
      if (!names.has(target)) throw new Error(`unresolved $ref ${inner}`);
      return [key, `#/components/schemas/${names.get(target)}`];
    }),
  );
};
const schemas = Object.fromEntries(Object.entries(generated.definitions).map(([name, schema]) => [names.get(name), relink(schema)]));
const probed = relink(generated.properties);
if (!schemas.ErrorResponse) schemas.ErrorResponse = probed.error;

const table = {};
for (const route of routes) {
  if (table[route.key]) throw new Error(`${route.name} and ${table[route.key].name} are both ${route.key}`);
  const json = route.probe ? probed[route.probe] : undefined;
  if (route.probe && !json) throw new Error(`${route.name}: the generator could not describe ${route.response.getText(source)}`);
  table[route.key] = { name: route.name, ...(json ? { json } : {}), ...(route.file ? { file: route.file } : {}) };
}

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify({ routes: table, schemas }, null, 1)}\n`);
console.log(`api-schemas: ${routes.length} routes, ${Object.keys(schemas).length} schemas → dist/api-schemas.json`);
