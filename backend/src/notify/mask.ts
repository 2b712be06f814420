/** Log-safe forms of what must not be logged whole. */

/** `+13145550123` → `+1••••••0123`: enough to tell numbers apart, not to call one. */
export function maskPhone(phone: string): string {
  return phone.length <= 6 ? '•••' : `${phone.slice(0, 2)}${'•'.repeat(phone.length - 6)}${phone.slice(-4)}`;
}

/** Provider error texts can quote the number they refused: mask E.164 numbers and runs of 10+ digits. */
export function maskDigits(text: string): string {
  return text.replace(/\+\d{7,15}\b|\b\d{10,15}\b/g, (m) => maskPhone(m));
}
