import { describe, expect, it } from "vitest";
import { ActorIndex } from "./actors";
import type { DraftContext } from "./types";

const context: DraftContext = {
  actors: [
    { id: 1, name: "Russia", kind: "state", isoCode: "RU", stateCode: null, aliases: [] },
    { id: 7, name: "Sergey Lavrov", kind: "person", isoCode: null, stateCode: "RU", aliases: [] },
    { id: 9, name: "Presidency of Defense Industries (SSB)", kind: "organisation", isoCode: null, stateCode: "TR", aliases: ["SSB"] },
  ],
  legalBases: [],
};

function names(sentence: string, ctx: DraftContext = context) {
  return new ActorIndex(ctx).mentions(sentence).filter((m) => !m.qualifier).map((m) => [m.text, m.actor.name, m.actor.stateCode, m.actor.actorId]);
}

describe("ActorIndex", () => {
  it("resolves names, short names, demonyms, capitals and metonyms to states", () => {
    const found = names("Russian officials said the U.S., the US, America, Britain, Turkey, Türkiye, Ankara, Moscow, Washington, the Kremlin and the White House agreed.");
    expect(found.map((f) => f[1])).toEqual([
      "Russia", "United States", "United States", "United States", "United Kingdom", "Turkey", "Turkey", "Turkey", "Russia", "United States", "Russia", "United States",
    ]);
    // The database's actor wins over the built-in one: same state, its id.
    expect(found[0]?.[3]).toBe(1);
  });

  it("resolves blocs and organisations", () => {
    expect(names("The EU, NATO, the UN and the G7 met in Brussels.").map((f) => f[1])).toEqual(["European Union", "NATO", "United Nations", "G7", "European Union"]);
  });

  it("does not read pronouns or common nouns as states", () => {
    expect(names("Tell us about the turkey and the china plates.")).toEqual([]);
  });

  it("resolves people by title, transliteration and later by surname", () => {
    const index = new ActorIndex(context);
    const first = index.mentions("Russian Foreign Minister Sergei Lavrov said the expulsions were unjustified.");
    const lavrov = first.find((m) => m.person);
    expect(lavrov?.actor).toMatchObject({ name: "Sergey Lavrov", actorId: 7, stateCode: "RU" });
    expect(index.mentions("Lavrov added that Moscow would respond.").find((m) => m.person)?.actor.actorId).toBe(7);
  });

  it("proposes a new person under the state that qualifies the title", () => {
    const index = new ActorIndex({ actors: [], legalBases: [] });
    const m = index.mentions("Czech Interior Minister Jan Novotny said on Saturday that Prague would act.").find((x) => x.person);
    expect(m?.actor).toMatchObject({ name: "Jan Novotny", kind: "person", stateCode: "CZ", actorId: null });
    expect(index.mentions("Novotny also said more would follow.").find((x) => x.person)?.actor.name).toBe("Jan Novotny");
  });

  it("knows well-known office holders without a database", () => {
    const m = new ActorIndex({ actors: [], legalBases: [] }).mentions("Erdogan and Blinken spoke.");
    expect(m.map((x) => [x.actor.name, x.actor.stateCode])).toEqual([
      ["Recep Tayyip Erdoğan", "TR"],
      ["Antony Blinken", "US"],
    ]);
  });

  it("uses the context's aliases for organisations", () => {
    expect(names("The US sanctioned SSB.").map((f) => [f[1], f[2]])).toEqual([
      ["United States", "US"],
      ["Presidency of Defense Industries (SSB)", "TR"],
    ]);
  });

  it("marks the object of a measure: 'Russian diplomats', 'Turkey's agency'", () => {
    const m = new ActorIndex(context).mentions("Washington expelled 10 Russian diplomats and sanctioned Turkey's agency.");
    expect(m.map((x) => [x.text, x.objectLike])).toEqual([
      ["Washington", false],
      ["Russian", true],
      ["Turkey", true],
    ]);
  });
});
