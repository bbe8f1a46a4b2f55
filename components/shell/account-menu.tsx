"use client";

import Link from "next/link";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { MENU_ITEM, NAV_ITEM } from "./nav-styles";

/** The account disclosure of the header: Settings, Mentoring, Your data, Sign out. Escape or a click elsewhere closes it. */
export function AccountMenu({ label, signOut }: { label: string; signOut: ReactNode }) {
  const [isOpen, setIsOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setIsOpen(false);
        button.current?.focus();
      }
    };
    // Tabbing out of the menu closes it.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget && !root.current?.contains(event.relatedTarget as Node)) setIsOpen(false);
    };
    const element = root.current;
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    element?.addEventListener("focusout", onFocusOut);
    return () => {
      element?.removeEventListener("focusout", onFocusOut);
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [isOpen]);

  return (
    <div ref={root} className="relative">
      <button ref={button} type="button" className={NAV_ITEM} aria-expanded={isOpen} aria-controls={menuId} onClick={() => setIsOpen(!isOpen)}>
        <span className="sr-only">Account menu for </span>
        <span className="max-w-28 truncate">{label}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="ml-1 size-4 fill-current">
          <path d="M5.5 7.5 10 12l4.5-4.5z" />
        </svg>
      </button>
      <ul
        id={menuId}
        hidden={!isOpen}
        className="absolute right-0 z-40 mt-1 w-48 rounded-lg border border-slate-200 bg-white p-1 text-base shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <li>
          <Link href="/settings" className={MENU_ITEM} onClick={() => setIsOpen(false)}>
            Settings
          </Link>
        </li>
        <li>
          <Link href="/mentoring" className={MENU_ITEM} onClick={() => setIsOpen(false)}>
            Mentoring
          </Link>
        </li>
        <li>
          <Link href="/settings#your-data" className={MENU_ITEM} onClick={() => setIsOpen(false)}>
            Your data
          </Link>
        </li>
        <li>
          {signOut}
        </li>
      </ul>
    </div>
  );
}
