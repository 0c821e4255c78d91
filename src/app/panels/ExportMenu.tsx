/**
 * Export menu: an "Export" button opening a dialog to download the whole graph or the current view (PNG, SVG, GEXF,
 * GraphML, graphology JSON, CSV, VOSviewer JSON), copy a link to the view, or open a graph file. Everything happens
 * in the page (Blob downloads, no network). It never touches sigma: the PNG comes from the capturePng prop.
 *
 * What the user means by an export: the real colours of the view's colour mode (passed on to the exporters, never
 * guessed), without the dimming a selection puts on screen, unless "as shown" is ticked; pictures on a light
 * background unless "dark background" is ticked; a PNG framed as the screen shows it or fitted to the whole view.
 */
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import type { PaperGraph } from "../data/types";
import { exportGraph, makeProvenance, type ExportFormat, type ExportView, type NodeDisplay } from "../../exporters";
import type { ResolvedColorMode } from "../../model/appearance";
import type { ViewFilter } from "../../model/view-filter";
import { DialogButton } from "./DialogButton";
import { useDialogDismiss } from "./use-dialog-dismiss";

export interface PngRequest {
  scale: 1 | 2 | 4;
  legend: boolean;
  framing: "screen" | "all";
  asShown: boolean;
  dark: boolean;
}

export interface ExportMenuProps {
  /** The Resolution slider's levels: exports carry them (colours, cluster numbers, legends, provenance). */
  levels?: { community: number; topicCluster: number };
  graph: PaperGraph;
  filter: ViewFilter;
  viewUrl: string;
  /** The view's colour mode, resolved ("auto" already turned into what the lens shows). */
  colorMode: ResolvedColorMode;
  /** How a node is drawn: with real colours, or `asShown` (the selection's dimming included). */
  nodeDisplay: (key: string, asShown: boolean) => NodeDisplay;
  capturePng: (opts: PngRequest) => Promise<Blob>;
  onOpenGraph: (json: unknown, fileName: string) => void;
}

type Choice = "png" | ExportFormat;

export const FORMAT_CHOICES: { id: Choice; label: string; hint: string }[] = [
  { id: "png", label: "PNG image", hint: "a picture of the view" },
  { id: "svg", label: "SVG", hint: "vector drawing for publications" },
  { id: "gexf", label: "GEXF", hint: "Gephi, Gephi Lite" },
  { id: "graphml", label: "GraphML", hint: "Cytoscape, yEd, networkx" },
  { id: "json", label: "graphology JSON", hint: "opens again in papergraph" },
  { id: "csv", label: "CSV", hint: "nodes.csv + edges.csv (+ export-info.txt)" },
  { id: "vosviewer", label: "VOSviewer JSON", hint: "VOSviewer Online" },
];

/** Hand a Blob to the browser as a download; the object URL is released once the click has been handled. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Clipboard API where allowed (secure contexts), else the selection-copy fallback. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // permission denied or insecure context: try the fallback
  }
  const ta = document.createElement("textarea");
  ta.value = text;
  ta.setAttribute("readonly", "");
  ta.style.position = "fixed";
  ta.style.opacity = "0";
  document.body.appendChild(ta);
  ta.select();
  let ok: boolean;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

/** Parse a graph file the user picked; a readable message instead of a SyntaxError stack. */
export async function readGraphFile(file: File): Promise<{ ok: true; json: unknown } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: `${file.name} could not be read.` };
  }
  try {
    return { ok: true, json: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (e) {
    return { ok: false, message: `${file.name} is not valid JSON (${(e as Error).message}). Choose a graph.json written by papergraph.` };
  }
}

export function ExportMenu(props: ExportMenuProps) {
  const { graph, filter, viewUrl, nodeDisplay, capturePng, onOpenGraph, colorMode, levels } = props;
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<"view" | "whole">("view");
  const [format, setFormat] = useState<Choice>("png");
  const [scale, setScale] = useState<1 | 2 | 4>(2);
  const [legend, setLegend] = useState(true);
  const [framing, setFraming] = useState<"screen" | "all">("screen");
  const [asShown, setAsShown] = useState(false);
  const [dark, setDark] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [copied, setCopied] = useState(false);
  const [manualLink, setManualLink] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);

  // Focus the first control on open; Escape and clicks outside close the dialog.
  useEffect(() => {
    if (open) dialogRef.current?.querySelector<HTMLElement>("input:not(:disabled), select:not(:disabled), button:not(:disabled)")?.focus();
  }, [open]);
  const dismiss = useCallback(() => setOpen(false), []);
  useDialogDismiss({ open, close, outside: { dialog: dialogRef, button: buttonRef, dismiss } });

  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  const download = async () => {
    setBusy(true);
    setStatus(null);
    try {
      if (format === "png") {
        const blob = await capturePng({ scale, legend, framing, asShown, dark });
        downloadBlob(blob, "papergraph-view.png");
        setStatus({ text: "Downloaded papergraph-view.png", error: false });
        return;
      }
      // Exports carry every attribute: the heavy text is fetched first (all chunks; in memory after the first export).
      setStatus({ text: "Reading every attribute…", error: false });
      await graph.loadEverything();
      const view: ExportView | null = scope === "view" ? { filter, nodeDisplay: (key) => nodeDisplay(key, asShown) } : null;
      const provenance = makeProvenance(graph, view, { exportedAt: new Date().toISOString(), generator: "papergraph explorer", colorMode });
      const { files } = exportGraph(format, graph, view, provenance, { legend, dark, ...(levels ? { levels } : {}) });
      const prefix = scope === "view" ? "papergraph-view" : "papergraph";
      const names = files.map((f) => `${prefix}-${f.name}`);
      files.forEach((f, i) => downloadBlob(new Blob([f.content as BlobPart], { type: f.mime }), names[i]!));
      setStatus({ text: `Downloaded ${names.join(", ")}`, error: false });
    } catch (e) {
      setStatus({ text: `Export failed: ${(e as Error).message}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const copyLink = async () => {
    const ok = await copyText(viewUrl);
    setCopied(ok);
    setManualLink(!ok);
  };

  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // picking the same file again fires change again
    if (!file) return;
    const r = await readGraphFile(file);
    if (!r.ok) {
      setStatus({ text: r.message, error: true });
      return;
    }
    setStatus(null);
    onOpenGraph(r.json, file.name);
    close();
  };

  const fileScoped = format !== "png";
  return (
    <div className="export-menu" style={{ position: "relative" }}>
      <DialogButton ref={buttonRef} open={open} dialogId={`${id}-dialog`} onClick={() => (open ? close() : setOpen(true))}>
        Export
      </DialogButton>
      {open && (
        <div
          ref={dialogRef}
          id={`${id}-dialog`}
          role="dialog"
          aria-label="Export"
          className="export-dialog panel"
          style={{ position: "absolute", right: 0, top: "calc(100% + 6px)", zIndex: 20, width: 320, background: "var(--panel, #fff)", border: "1px solid var(--line, #d5d8e0)", borderRadius: 10, boxShadow: "0 8px 28px rgba(0,0,0,0.14)" }}
        >
          <fieldset className="stacked" disabled={!fileScoped} style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="small muted">Scope</legend>
            <label className="check">
              <input type="radio" name={`${id}-scope`} checked={scope === "view"} onChange={() => setScope("view")} />
              Current view
            </label>
            <label className="check">
              <input type="radio" name={`${id}-scope`} checked={scope === "whole"} onChange={() => setScope("whole")} />
              Whole graph
            </label>
            {!fileScoped && <span className="small muted">A PNG shows the current view.</span>}
          </fieldset>
          {format === "png" && (
            <fieldset className="stacked" style={{ border: 0, padding: 0, margin: "10px 0 0" }}>
              <legend className="small muted">Framing</legend>
              <label className="check">
                <input type="radio" name={`${id}-framing`} checked={framing === "screen"} onChange={() => setFraming("screen")} />
                What the screen shows
              </label>
              <label className="check">
                <input type="radio" name={`${id}-framing`} checked={framing === "all"} onChange={() => setFraming("all")} />
                The whole view, fitted
              </label>
            </fieldset>
          )}
          <fieldset className="stacked" style={{ border: 0, padding: 0, margin: "10px 0 0" }}>
            <legend className="small muted">Format</legend>
            {FORMAT_CHOICES.map((f) => (
              <label key={f.id} className="check">
                <input type="radio" name={`${id}-format`} value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
                {f.label} <span className="small muted">— {f.hint}</span>
              </label>
            ))}
          </fieldset>
          {format === "png" && (
            <label className="select" style={{ marginTop: 8 }}>
              Scale
              <select value={scale} onChange={(e) => setScale(Number(e.target.value) as 1 | 2 | 4)}>
                <option value={1}>1x</option>
                <option value={2}>2x</option>
                <option value={4}>4x</option>
              </select>
            </label>
          )}
          {(format === "png" || format === "svg") && (
            <>
              <label className="check">
                <input type="checkbox" checked={legend} onChange={(e) => setLegend(e.target.checked)} />
                Include legend
              </label>
              <label className="check">
                <input type="checkbox" checked={dark} onChange={(e) => setDark(e.target.checked)} />
                Dark background
              </label>
            </>
          )}
          {(format === "png" || scope === "view") && (
            <label className="check">
              <input type="checkbox" checked={asShown} onChange={(e) => setAsShown(e.target.checked)} />
              As shown (keep the dimming of a selection)
            </label>
          )}
          <div style={{ display: "flex", gap: 8, flexWrap: "wrap", marginTop: 12 }}>
            <button type="button" className="button" onClick={download} disabled={busy}>
              {busy ? "Exporting…" : "Download"}
            </button>
            <button type="button" className="button" onClick={copyLink}>
              {copied ? "Copied" : "Copy link"}
            </button>
            <button type="button" className="button" onClick={() => fileRef.current?.click()}>
              Open graph…
            </button>
            <input ref={fileRef} type="file" accept=".json,application/json" hidden aria-label="Graph file to open" onChange={openFile} />
          </div>
          {manualLink && (
            <label className="stacked small" style={{ marginTop: 8 }}>
              Copying is blocked here; copy the link by hand:
              <input readOnly value={viewUrl} onFocus={(e) => e.currentTarget.select()} />
            </label>
          )}
          <p role="status" aria-live="polite" className={`small ${status?.error ? "error" : "muted"}`} style={{ minHeight: "1em", margin: "8px 0 0" }}>
            {status?.text ?? ""}
          </p>
        </div>
      )}
    </div>
  );
}
