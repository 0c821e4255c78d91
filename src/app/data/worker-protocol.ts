/** Messages between the explorer and its graph worker (graph.worker.ts): converting graph JSON, and the search index. */
import type { ExplorerFile } from "../../model/explorer-format";
import type { SearchHit } from "../state/search";
import type { SearchOptions } from "./search-service";

export type GraphWorkerRequest =
  /** graph.json text -> the compact files (sent back), kept for search. */
  | { type: "convert"; text: string; source: string }
  /** Search over the compact files at a URL folder (data/explorer/), or over files in memory. */
  | { type: "init"; folder: string }
  | { type: "init"; files: ExplorerFile[] }
  /** Build the index now. */
  | { type: "index" }
  | { type: "search"; id: number; query: string; opts: SearchOptions };

export type GraphWorkerReply =
  | { type: "converted"; ok: true; files: ExplorerFile[]; warnings: string[] }
  | { type: "converted"; ok: false; title: string; errors: string[] }
  | { type: "indexed"; documents: number }
  | { type: "hits"; id: number; hits: SearchHit[] }
  | { type: "failed"; message: string };
