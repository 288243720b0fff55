// The sidebar on a narrow screen (a phone): hidden behind a button in the conversation's header,
// shown over the conversation when pressed, and hidden again when a conversation is chosen, the
// dimmed page beside it is tapped, or Escape is pressed. On a wide screen it is always there.
const NARROW = window.matchMedia('(max-width: 720px)');

export function setUpSidebar() {
  const toggle = document.querySelector('#toggle-sidebar');
  const scrim = document.querySelector('#scrim');
  const show = (open) => {
    document.body.classList.toggle('sidebar-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    scrim.hidden = !open;
  };
  toggle.addEventListener('click', () => show(!document.body.classList.contains('sidebar-open')));
  scrim.addEventListener('click', () => show(false));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('sidebar-open')) show(false);
  });
  NARROW.addEventListener('change', () => show(false));
  return {
    /** After a conversation is chosen: on a phone, the conversation is what one wants to see. */
    chosen: () => NARROW.matches && show(false),
  };
}
