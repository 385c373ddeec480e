const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before a path or query value reaches a uuid column (PostgreSQL would throw). */
export const isUuid = (value: string): boolean => UUID.test(value);
