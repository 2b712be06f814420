/** What this page does not do (yet): eFiling is Case.net's own system; accounts come later. */
export function AboutView() {
  return (
    <>
      <section class="panel" aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
        <p>Account: coming soon — sign-in and sync arrive with accounts. Until then your folder lives in this browser only; export it to keep a copy.</p>
      </section>
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
    </>
  );
}
