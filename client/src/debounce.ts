// A trailing-edge debounce with cancel, for editor events that fire per keystroke.
export interface Debounced {
  (): void;
  cancel(): void;
}

export function debounce(run: () => void, delayMs: number): Debounced {
  let timer: NodeJS.Timeout | undefined;
  const debounced = (() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, delayMs);
  }) as Debounced;
  debounced.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}
