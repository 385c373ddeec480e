export * from "./audit";
export * from "./branches";
export * from "./customers";
export * from "./issuance";
export * from "./products";
export * from "./stations";
export * from "./users";
export * from "./sessions";
