/**
 * The toolbar button that opens a popover dialog (Open…, Review identities, Export): one place for its ARIA state, so
 * every such button is announced alike (has a dialog, expanded or not, which dialog it controls while open).
 */
import type { ReactNode, Ref } from "react";

export interface DialogButtonProps {
  ref?: Ref<HTMLButtonElement>;
  open: boolean;
  /** The id of the dialog it opens (named by aria-controls while the dialog is there). */
  dialogId: string;
  title?: string;
  onClick: () => void;
  children: ReactNode;
}

export function DialogButton({ ref, open, dialogId, title, onClick, children }: DialogButtonProps) {
  return (
    <button ref={ref} type="button" className="button" aria-haspopup="dialog" aria-expanded={open} aria-controls={open ? dialogId : undefined} title={title} onClick={onClick}>
      {children}
    </button>
  );
}
