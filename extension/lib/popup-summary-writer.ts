import Dexie from 'dexie';
import { MAX_CACHED_CHARS, POPUP_SUMMARY_KEY, POPUP_SUMMARY_VERSION, type CachedSummary, type SummaryArea } from './popup-summary';
import type { Summary } from './protocol';

/**
 * Background side of the popup's cached first summary (see popup-summary.ts): after every write
 * to the database settles, the summary the popup would ask for is computed again and stored, so a
 * popup opened a moment later draws current data before the background has answered it.
 */
export class PopupSummaryWriter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Tickets are taken when a computation starts: an older computation never overwrites a newer one. */
  private issued = 0;
  private written = 0;
  /** Storage writes, in order. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly area: SummaryArea,
    /** Computes the popup's first summary (the popup's own request, answered by the handlers). */
    private readonly compute: () => Promise<Summary>,
    private readonly now: () => number = Date.now,
    private readonly delayMs = 200,
  ) {}

  /** Take a ticket before computing a summary that will be handed to `store`. */
  ticket(): number {
    return ++this.issued;
  }

  /** Store `summary`, computed under `ticket`, unless a later computation was stored already. */
  store(summary: Summary, ticket: number): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (ticket <= this.written) return;
      this.written = ticket;
      const value: CachedSummary = { v: POPUP_SUMMARY_VERSION, at: this.now(), summary };
      try {
        // A huge list of unread alerts is not worth copying around: the popup asks the background.
        if (JSON.stringify(value).length > MAX_CACHED_CHARS) await this.area.remove(POPUP_SUMMARY_KEY);
        else await this.area.set({ [POPUP_SUMMARY_KEY]: value });
      } catch (err) {
        console.warn('Docket Watch: could not store the popup summary', err);
      }
    });
    return this.chain;
  }

  /** Compute and store the summary now. */
  async refresh(): Promise<void> {
    const ticket = this.ticket();
    try {
      await this.store(await this.compute(), ticket);
    } catch (err) {
      // The popup asks the background anyway; an old copy must not outlive a failed refresh.
      console.warn('Docket Watch: could not compute the popup summary', err);
      this.chain = this.chain.then(() => this.area.remove(POPUP_SUMMARY_KEY).catch(() => undefined));
      await this.chain;
    }
  }

  /** Refresh once writes have been quiet for `delayMs` (a burst of writes costs one refresh). */
  soon(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, this.delayMs);
  }

  /** Refresh after every committed database write of this context, and once now. Returns the unsubscribe. */
  watch(): () => void {
    const onMutated = () => this.soon();
    Dexie.on.storagemutated.subscribe(onMutated);
    this.soon();
    return () => Dexie.on.storagemutated.unsubscribe(onMutated);
  }
}
