// Reports are pages without the app's scripts (a report of 1,000 actions is a document, not an
// app); this one small script turns on their "Print" buttons, which need JavaScript.
for (const button of document.querySelectorAll('button[data-print]')) {
	button.hidden = false;
	button.addEventListener('click', () => window.print());
}
