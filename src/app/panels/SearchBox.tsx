/**
 * Search field with a suggestion list driven by the keyboard (ARIA 1.2 combobox + listbox): ArrowUp/Down move,
 * Enter chooses, Escape closes the list (a second Escape clears the field). Used for the main search and for
 * picking the second author of a path. Queries go to the search service (a worker in the browser) and the answer to
 * the latest query wins; until it arrives the list says it is searching.
 */
import { forwardRef, useEffect, useId, useState, type KeyboardEvent } from "react";
import type { NodeKind } from "../../model/graph-file";
import type { SearchService } from "../data/search-service";
import type { SearchHit } from "../state/search";

const LIMIT = 12;

export interface SearchBoxProps {
  index: SearchService;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onChoose: (hit: SearchHit) => void;
  kinds?: NodeKind[];
  testId?: string;
  /** Keys to leave out of the suggestions (e.g. the selected author when picking a path's other end). */
  exclude?: string | null;
}

const KIND_LABEL: Record<NodeKind, string> = { author: "Author", paper: "Paper", topic: "Topic" };

export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(props, ref) {
  const { index, label, placeholder, value, onChange, onChoose, kinds, testId, exclude } = props;
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [answer, setAnswer] = useState<{ query: string; hits: SearchHit[] }>({ query: "", hits: [] });
  // Arrays from the caller are new on every render: the effect keys on their content.
  const kindsKey = kinds?.join(",") ?? "";
  useEffect(() => {
    if (value.trim() === "") return;
    let live = true;
    const wanted = kindsKey ? (kindsKey.split(",") as NodeKind[]) : undefined;
    index.search(value, { limit: LIMIT + (exclude ? 1 : 0), kinds: wanted }).then((found) => {
      if (live) setAnswer({ query: value, hits: found.filter((h) => h.key !== exclude).slice(0, LIMIT) });
    });
    return () => {
      live = false;
    };
  }, [index, value, kindsKey, exclude]);
  const answered = answer.query === value;
  const hits = answered ? answer.hits : [];
  const showList = open && value.trim() !== "";
  const activeIndex = Math.min(active, Math.max(0, hits.length - 1));

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onChoose(hit);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive(hits.length ? (activeIndex + 1) % hits.length : 0);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      setActive(hits.length ? (activeIndex - 1 + hits.length) % hits.length : 0);
    } else if (e.key === "Enter") {
      if (showList && hits.length) {
        e.preventDefault();
        choose(hits[activeIndex]);
      }
    } else if (e.key === "Escape") {
      // Handled here: the app-wide Escape (clear selection) must not fire while the list is in use.
      e.stopPropagation();
      e.preventDefault();
      if (showList) setOpen(false);
      else if (value) onChange("");
      else e.currentTarget.blur();
    }
  };

  return (
    <div className="searchbox">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && hits.length ? `${id}-opt-${activeIndex}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        data-testid={testId}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label}: suggestions`} className="suggestions" hidden={!showList}>
        {showList && !answered && (
          <li className="suggestion empty" role="presentation">
            Searching…
          </li>
        )}
        {showList && answered && hits.length === 0 && (
          <li className="suggestion empty" role="presentation">
            No match for “{value.trim()}”
          </li>
        )}
        {showList &&
          hits.map((h, i) => (
            <li
              key={h.key}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              className={`suggestion kind-${h.kind}`}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(h);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className={`kind-dot kind-${h.kind}`} aria-hidden="true" />
              <span className="suggestion-text">
                <span className="suggestion-label">{h.label}</span>
                <span className="suggestion-detail">
                  {KIND_LABEL[h.kind]} · {h.detail}
                </span>
              </span>
            </li>
          ))}
      </ul>
    </div>
  );
});
