import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeBranch, makeCounter, makeJob, makeProduct } from "@/db/testing/factories";
import {
  deleteProduct,
  findCardFace,
  listOfferedProducts,
  listProductsForAdmin,
  productHasJobs,
  setProductBranches,
  updateProduct,
  upsertCardFace,
} from "./products";

describe("product administration queries", () => {
  afterAll(() => db.$client.end());

  it("offers a product only in its branches and only while active", async () => {
    const a = await makeBranch(db);
    const b = await makeBranch(db);
    const product = await makeProduct(db, [a.id]);
    expect((await listOfferedProducts({ db, branchId: a.id })).map((p) => p.id)).toContain(product.id);
    expect((await listOfferedProducts({ db, branchId: b.id })).map((p) => p.id)).not.toContain(product.id);
    await setProductBranches({ db, productId: product.id, branchIds: [b.id] });
    expect((await listOfferedProducts({ db, branchId: b.id })).map((p) => p.id)).toContain(product.id);
    await updateProduct({ db, id: product.id, values: { active: false } });
    expect((await listOfferedProducts({ db, branchId: b.id })).map((p) => p.id)).not.toContain(product.id);
  });

  it("knows whether a product issued cards, and keeps its image with it", async () => {
    const counter = await makeCounter(db);
    expect(await productHasJobs({ db, productId: counter.product.id })).toBe(false);
    await makeJob(db, counter);
    expect(await productHasJobs({ db, productId: counter.product.id })).toBe(true);
    await expect(deleteProduct({ db, id: counter.product.id })).rejects.toThrow();

    const unused = await makeProduct(db, []);
    const image = { contentType: "image/png" as const, data: Buffer.from([0x89, 0x50]), byteSize: 2, sha256: "ab" };
    await upsertCardFace({ db, productId: unused.id, image });
    await upsertCardFace({ db, productId: unused.id, image: { ...image, sha256: "cd" } });
    expect((await findCardFace({ db, productId: unused.id }))?.sha256).toBe("cd");
    await deleteProduct({ db, id: unused.id });
    expect(await findCardFace({ db, productId: unused.id })).toBeNull();
  });

  it("lists for admins which products issued cards and where each is offered", async () => {
    const counter = await makeCounter(db);
    const other = await makeBranch(db);
    await setProductBranches({ db, productId: counter.product.id, branchIds: [counter.branch.id, other.id] });
    await makeJob(db, counter);
    const unused = await makeProduct(db, [other.id]);
    const byId = new Map((await listProductsForAdmin({ db })).map((p) => [p.id, p]));
    expect(byId.get(counter.product.id)).toMatchObject({ hasJobs: true });
    expect(byId.get(counter.product.id)?.branchIds.sort()).toEqual([counter.branch.id, other.id].sort());
    expect(byId.get(unused.id)).toMatchObject({ hasJobs: false, branchIds: [other.id] });
  });
});
