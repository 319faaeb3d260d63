/**
 * H5 only: opens the browser's file picker for one file and resolves with it, or null when the person backs out.
 * Must be called straight from a tap, or the browser will not open the picker. `className` marks the hidden input
 * (the browser tests find it by that name).
 */
export function chooseBrowserFile(accept: string, className: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.className = className;
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}
