// The site's own "not found" page (build/404.html), served by nginx and the preview server for any
// unknown path: plain HTML, no JavaScript, so it works at whatever URL it is shown.
export const csr = false;
