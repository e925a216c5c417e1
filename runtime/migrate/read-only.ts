/**
 * The installation as handlers see it: a read-only view of the caller's
 * object. Handlers get copies of everything else (frozen); the installation
 * is a view instead, so an installation whose fields are getters, or a
 * class instance, reads as it does for guards. Writing, defining, deleting
 * or freezing through the view fails (a `TypeError` in strict code, which
 * fails the handler); objects read through it are views too.
 */

const views = new WeakMap<object, object>();

const refuse = (): boolean => false;

const traps: ProxyHandler<object> = {
  get(target, key, receiver) {
    const value: unknown = Reflect.get(target, key, receiver);
    if (typeof value !== 'object' || value === null) return value;
    // A proxy must give back a property that cannot change exactly as it is.
    const own = Reflect.getOwnPropertyDescriptor(target, key);
    if (own !== undefined && own.configurable === false && own.writable === false) return value;
    return readOnlyView(value);
  },
  set: refuse,
  defineProperty: refuse,
  deleteProperty: refuse,
  setPrototypeOf: refuse,
  preventExtensions: refuse,
};

/** A read-only view of `value` when it is an object (the same view each time), else `value` itself. */
export function readOnlyView<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  let view = views.get(value);
  if (view === undefined) {
    view = new Proxy(value, traps);
    views.set(value, view);
  }
  return view as T;
}
