import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadatas = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const MEMOISED = Symbol('torch-red:validation-metadata-memoised');

/**
 * class-validator works out a class's rules again on every `validate()`: it scans every class it knows (an
 * `instanceof` per DTO class, a few hundred here) for inherited rules and regroups them by property — measured
 * at about 3 % of an activity-list read's CPU (scripts/bench/activity-list.mjs --cpu-prof), for an answer that
 * never changes once the classes are defined. This keeps that answer per class, for the way the app validates
 * (no groups, no `always`, no `strictGroups`; anything else is passed straight through). Registering a rule
 * (a class being defined) empties the memory, so a rule can never be missed.
 */
export function memoiseValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const patched = storage as Storage & { [MEMOISED]?: true };
  if (patched[MEMOISED]) return;
  patched[MEMOISED] = true;

  const targets = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const byClass = new Map<unknown, Metadatas>();
  let grouped = new WeakMap<Metadatas, Grouped>();

  storage.addValidationMetadata = (metadata) => {
    byClass.clear();
    grouped = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (schema || always || strictGroups || (groups && groups.length > 0)) return targets(target, schema, always, strictGroups, groups);
    let found = byClass.get(target);
    if (!found) byClass.set(target, (found = targets(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadatas) => {
    let found = grouped.get(metadatas);
    if (!found) grouped.set(metadatas, (found = group(metadatas)));
    return found;
  };
}
