import type { DeliveryMode, DigestChannel } from '../../../../../shared/api/prefs';

/** The two choices per channel, in the channel's words. */
const CHOICES: Record<DigestChannel, { legend: string; immediate: string; digest: string }> = {
  email: { legend: 'Email', immediate: 'Immediately, one email per alert', digest: 'Daily digest' },
  sms: { legend: 'SMS', immediate: 'Immediately, one SMS per alert', digest: 'Daily SMS digest (one SMS listing the cases)' },
  call: { legend: 'Phone call', immediate: 'Immediately, one call per alert', digest: 'Daily call digest (one call reading the cases)' },
};

type Props = {
  channel: DigestChannel;
  mode: DeliveryMode;
  problem: string | undefined;
  onMode: (mode: DeliveryMode) => void;
};

/** Immediately or a daily digest, for one channel (the digest hour is chosen once, for all). */
export function ModeChoice({ channel, mode, problem, onMode }: Props) {
  const words = CHOICES[channel];
  const problemId = `${channel}-mode-error`;
  return (
    <fieldset aria-describedby={problem ? problemId : undefined}>
      <legend>{words.legend}</legend>
      <label class="check">
        <input type="radio" name={`${channel}-mode`} checked={mode === 'immediate'} onChange={() => onMode('immediate')} />
        {words.immediate}
      </label>
      <label class="check">
        <input type="radio" name={`${channel}-mode`} checked={mode === 'digest'} onChange={() => onMode('digest')} />
        {words.digest}
      </label>
      {problem && (
        <p id={problemId} class="field-error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
