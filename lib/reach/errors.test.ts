import { describe, expect, it, vi } from "vitest";
import { invalidFilterResponse, machineRoute, problemForClient } from "@/lib/reach/errors";

describe("the machine-facing error shape", () => {
  it("names each refused value", async () => {
    expect(problemForClient({ param: "target", value: "narnia", message: 'No actor "narnia" is known; that filter was ignored.' })).toEqual({
      param: "target",
      value: "narnia",
      message: 'Unknown actor "narnia" in "target".',
    });
    expect(problemForClient({ param: "from", value: "2021-13", message: '"from" ignored: There is no month 13.' }).message).toBe('"from" ignored: There is no month 13.');
    const response = invalidFilterResponse([
      { param: "type", value: "invasion", message: 'There is no event type "invasion".' },
      { param: "tag", value: "x-1", message: "…" },
    ]);
    expect(response.status).toBe(400);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await response.json()) as { error: { code: string; message: string; problems: unknown[] } };
    expect(body.error.code).toBe("invalid_filter");
    expect(body.error.message).toBe("The query string has values that cannot be applied: type=invasion, tag=x-1.");
    expect(body.error.problems).toHaveLength(2);
  });

  it("answers an unexpected failure with a JSON 500, not an HTML page", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await machineRoute(async () => {
      throw new Error("boom");
    })(new Request("http://x/feed.atom"));
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("internal_error");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
