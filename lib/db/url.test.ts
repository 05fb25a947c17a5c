import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "./url";

describe("resolveDatabaseTarget", () => {
  const root = "/srv/demarche";

  it("defaults to the git-ignored data folder", () => {
    expect(resolveDatabaseTarget(undefined, root)).toEqual({
      provider: "sqlite",
      file: "/srv/demarche/data/demarche.db",
      url: "file:/srv/demarche/data/demarche.db",
    });
    expect(resolveDatabaseTarget("  ", root)).toMatchObject({ file: "/srv/demarche/data/demarche.db" });
  });

  it("resolves SQLite paths in the forms people write them", () => {
    expect(resolveDatabaseTarget("file:./data/x.db", root)).toMatchObject({ file: path.join(root, "data/x.db") });
    expect(resolveDatabaseTarget("data/y.db", root)).toMatchObject({ file: path.join(root, "data/y.db") });
    expect(resolveDatabaseTarget("file:/tmp/z.db?connection_limit=1", root)).toMatchObject({ file: "/tmp/z.db" });
    expect(resolveDatabaseTarget("/var/lib/demarche.db", root)).toMatchObject({ file: "/var/lib/demarche.db" });
  });

  it("recognises PostgreSQL URLs", () => {
    for (const url of ["postgres://u:p@h/db", "postgresql://u:p@h:5432/db?schema=public", "POSTGRESQL://h/db"]) {
      expect(resolveDatabaseTarget(url, root)).toEqual({ provider: "postgresql", url });
    }
  });
});
