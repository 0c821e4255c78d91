/**
 * "People on this topic" as CSV: one row per person of a ranking (src/model/topic-people.ts), through the same
 * RFC 4180 writer and formula-injection guard as nodes.csv (csv.ts), UTF-8 with a byte-order mark.
 */
import type { PeopleRanking } from "../model/topic-people";
import { csvField } from "./csv";
import type { ExportFile } from "./types";

export const TOPIC_PEOPLE_COLUMNS = ["rank", "name", "key", "score", "papers", "firstYear", "lastYear", "community", "communityLabel"] as const;

/** Scores to 6 significant digits: enough to order them, short to read. */
const score = (x: number) => String(Number(x.toPrecision(6)));

export function topicPeopleCsv(ranking: PeopleRanking, name = "people-on-topic.csv"): ExportFile {
  const rows = [TOPIC_PEOPLE_COLUMNS.join(",")];
  ranking.people.forEach((p, i) => {
    const cells = [String(i + 1), p.name, p.key, score(p.score), String(p.papers), p.firstYear === null ? "" : String(p.firstYear), p.lastYear === null ? "" : String(p.lastYear), String(p.community), p.communityLabel ?? ""];
    rows.push(cells.map(csvField).join(","));
  });
  return { name, content: "\uFEFF" + rows.map((r) => r + "\r\n").join(""), mime: "text/csv" };
}
