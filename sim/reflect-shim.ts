// @peculiar/x509 v2 pulls in tsyringe, which refuses to load without a Reflect metadata
// polyfill. tsyringe only needs get/getOwn/define metadata (x509 never uses constructor
// injection with design types), so this small map-backed version stands in for the
// reflect-metadata package. Import it before @peculiar/x509. Installs nothing if a real
// polyfill is already present.
type MetadataMap = Map<unknown, unknown>;
const store = new WeakMap<object, MetadataMap>();

interface ReflectMetadataApi {
  getMetadata(key: unknown, target: object): unknown;
  getOwnMetadata(key: unknown, target: object): unknown;
  defineMetadata(key: unknown, value: unknown, target: object): void;
  hasMetadata(key: unknown, target: object): boolean;
}

const reflect = Reflect as typeof Reflect & Partial<ReflectMetadataApi>;

if (typeof reflect.getMetadata !== "function") {
  const own = (key: unknown, target: object) => store.get(target)?.get(key);
  const api: ReflectMetadataApi = {
    getOwnMetadata: own,
    getMetadata(key, target) {
      for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
        const value = own(key, t);
        if (value !== undefined) return value;
      }
      return undefined;
    },
    defineMetadata(key, value, target) {
      const map = store.get(target) ?? new Map<unknown, unknown>();
      map.set(key, value);
      store.set(target, map);
    },
    hasMetadata(key, target) {
      return api.getMetadata(key, target) !== undefined;
    },
  };
  Object.assign(Reflect, api);
}

export {};
