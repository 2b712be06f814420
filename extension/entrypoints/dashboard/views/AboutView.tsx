/** What this page does not do: eFiling is Case.net's own system. */
export function AboutView() {
  return (
    <section class="panel" aria-labelledby="efiling-heading">
      <h2 id="efiling-heading">eFiling</h2>
      <p>
        Filing documents is done in Missouri's own eFiling system, which Docket Watch does not touch:{' '}
        <a href="https://www.courts.mo.gov/ebiz/" target="_blank" rel="noopener noreferrer">
          Case.net eFiling
        </a>
        .
      </p>
    </section>
  );
}
