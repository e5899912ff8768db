"""JavaScript measures for the browser tests (tests/site/test_browser.py) and
scripts/screenshots.py: contrast of every visible text from computed styles, and the
size of tap targets."""

from __future__ import annotations

# Every visible run of text on the page, with its colour composited over the backgrounds
# behind it (each ancestor's computed background-color, alpha blended down to the canvas)
# and the WCAG 2 contrast ratio of the two. Returns the runs below ``least``, worst first:
# [ratio, text, tag.class, colour, background]. Text inside <svg> is measured against the
# fill of the shape drawn under it (data-contrast-bg on the text names that shape's id).
CONTRAST_AUDIT = r"""(least) => {
  function parse(value) {
    if (!value || value === "transparent") return [0, 0, 0, 0];
    let m = value.match(/^rgba?\(([^)]+)\)/);
    if (m) {
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    m = value.match(/^color\(srgb ([^)]+)\)/);
    if (m) {
      const p = m[1].split(/[\s\/]+/).filter(Boolean).map(parseFloat);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
    }
    return null;
  }
  const over = (top, bottom) =>
    [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  function behind(element) {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      const fill = e instanceof SVGElement && e.dataset && e.dataset.contrastBg
        ? parse(getComputedStyle(document.getElementById(e.dataset.contrastBg)).fill) : null;
      const colour = fill || parse(style.backgroundColor);
      if (colour && colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) break;
      }
    }
    let colour = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
    return colour;
  }
  function luminance(c) {
    const f = v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  const ratio = (a, b) => {
    const x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  function visible(element) {
    if (!element.getClientRects().length) return false;
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      const hidden = style.visibility === "hidden" || style.display === "none";
      if (hidden || parseFloat(style.opacity) === 0) return false;
    }
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  }
  const found = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const element = node.parentElement;
    if (!text || !element || seen.has(element)) continue;
    if (element.closest("script, style, noscript, template, title, desc")) continue;
    seen.add(element);
    if (!visible(element)) continue;
    const style = getComputedStyle(element);
    const background = behind(element);
    const paint = element instanceof SVGElement ? parse(style.fill) : parse(style.color);
    if (!paint) continue;
    const colour = over(paint, background);
    const measured = ratio(colour, background);
    const classes = typeof element.className === "string" ? element.className : "";
    const name = element.tagName.toLowerCase() + (classes ? "." + classes.split(" ")[0] : "");
    if (measured < least) {
      const rgb = c => c.slice(0, 3).map(Math.round).join(",");
      found.push([Math.round(measured * 100) / 100, text.slice(0, 60), name, rgb(colour),
        rgb(background)]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}"""
