// The header's search box (overrides/partials/search.html, Pagefind's Component UI): words on
// every page are left out of a query, and a result leads to the paragraph where the words
// asked for are found. Written here, not loaded from a CDN: the site requests nothing from
// other hosts; one file, cached, rather than the same script in every page.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.PagefindComponents) return;
    var search = PagefindComponents.getInstanceManager().getInstance("default");

    // A paper's page is what a reader searching its authors' names looks for, not the
    // bibliography's pages whose titles hold the same surname (Pagefind adds a boost for
    // words of a page's title: metaWeights.title, 5 by default). A paper page's byline is
    // its "authors" metadata (data-pagefind-meta, templates/paper.md.j2), weighed twice
    // as much as a title; the title keeps its default weight.
    search.pagefindOptions = Object.assign(search.pagefindOptions || {}, {
      ranking: { metaWeights: { title: 5, authors: 10 } },
    });

    // A result leads to the paragraph where the words asked for are found together. Pagefind
    // records every element with an id as an anchor (tag, id, the word it starts at), but
    // links only to headings; paragraphs and list items carry ids (paragraph_ids in
    // digest/site/markdown.py). Of the places the words are found, the one with the most
    // of the words asked for within a phrase's length (then the most weight, Pagefind's: a
    // heading's words weigh more; then the first) is where a result leads, if the last
    // block, heading or paragraph, that starts at or before it is a paragraph. A heading, or
    // none, leaves Pagefind's link as it is. And a page whose title holds every word asked
    // for is what the reader looks for: its result leads to its top.
    var BLOCK = /^(h[1-6]|p|li)$/i;
    var PARAGRAPH = /^(p|li)$/i;

    function parts(text) {
      return (text || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    }

    function inTitle(asked, title) {
      var words = parts(title);
      return asked.length > 0 && asked.every(function (part) {
        // Typed words are prefixes (the box searches as each key is typed); Chinese runs
        // of characters are no words: a part of one is found inside it.
        return words.some(function (word) {
          return word.indexOf(part) === 0 ||
            (/[\u3400-\u9fff]/.test(part) && word.indexOf(part) >= 0);
        });
      });
    }

    // Which word asked for a word of the page was found for: the one it shares the longest
    // start with ("party's" and "parties" for "party", "grass-roots" for "grassroots").
    function askedFor(word, asked) {
      var letters = parts(word).join(""), best = letters, longest = 0;
      asked.forEach(function (part) {
        var shared = 0;
        while (shared < part.length && part[shared] === letters[shared]) shared++;
        if (shared > longest) { best = part; longest = shared; }
      });
      return best;
    }

    // The location of the first word of the place described above.
    function closest(found, page) {
      found = (found || []).slice().sort(function (a, b) { return a.location - b.location; });
      var best = null, most = 0, heaviest = 0;
      for (var i = 0; i < found.length; i++) {
        var seen = new Set(), weight = 0;
        for (var j = i; j < found.length && found[j].location < found[i].location + page.span; j++) {
          seen.add(askedFor(page.words[found[j].location], page.asked));
          weight += found[j].balanced_score || 0;
        }
        if (best === null || seen.size > most || (seen.size === most && weight > heaviest)) {
          best = found[i].location;
          most = seen.size;
          heaviest = weight;
        }
      }
      return best;
    }

    function paragraphLink(url, found, page) {
      var word = closest(found, page), block = null;
      if (word === null) return url;
      for (var i = 0; i < page.blocks.length && page.blocks[i].location <= word; i++) {
        block = page.blocks[i];
      }
      if (!block || !PARAGRAPH.test(block.element)) return url;
      return url.split("#")[0] + "#" + encodeURIComponent(block.id);
    }

    function toParagraphs(data, query) {
      var blocks = (data.anchors || []).filter(function (anchor) {
        return BLOCK.test(anchor.element) && anchor.id;
      }).sort(function (a, b) { return a.location - b.location; });
      if (!blocks.some(function (block) { return PARAGRAPH.test(block.element); })) return data;
      var content = data.raw_content || data.content || "";
      var asked = parts(query);
      var page = {
        asked: asked,
        blocks: blocks,
        // A word's location is its place among the page's words, as Pagefind counts them.
        words: content.indexOf("\u200B") >= 0 ? content.split("\u200B") : content.split(/\s+/),
        // Enough words for the ones asked for and the small words between them.
        span: 2 * Math.max(asked.length, 1) + 2,
      };
      var top = (data.meta && data.meta.url) || data.url;
      var url = inTitle(asked, data.meta && data.meta.title)
        ? top : paragraphLink(top, data.weighted_locations, page);
      var subResults = (data.sub_results || []).map(function (sub) {
        return Object.assign({}, sub, {
          url: paragraphLink(sub.url, sub.weighted_locations, page),
        });
      }).filter(function (sub) {
        // As Pagefind does, no sub-result that leads where the page's result leads.
        return sub.url !== url && sub.url !== top;
      });
      var meta = data.meta && data.meta.url ? Object.assign({}, data.meta, { url: url }) : data.meta;
      return Object.assign({}, data, { url: url, meta: meta, sub_results: subResults });
    }

    // Words on nearly every page ("the", "of") cost Pagefind most of a search's time at a
    // thousand papers and rank nothing: they are left out of a query that has other words.
    // Pagefind 1.5's Component UI keeps its search engine in `__pagefind__` (set before its
    // "filters" event, which comes before the first search); each result's data() is where
    // its links are made.
    var common = new Set(("a an and are as at be by for from in into is it its of on or " +
      "that the their this to under was were with").split(" "));
    search.on("filters", function () {
      var engine = search.__pagefind__;
      if (!engine || engine.digestSearch) return;
      engine.digestSearch = engine.search;
      engine.search = function (query, options) {
        var words = (query || "").split(/\s+/).filter(function (word) {
          return word && !common.has(word.toLowerCase());
        });
        var asked = words.length ? words.join(" ") : query;
        return engine.digestSearch(asked, options).then(function (response) {
          ((response && response.results) || []).forEach(function (result) {
            var data = result.data;
            result.data = function () {
              return data.apply(this, arguments).then(function (found) {
                return toParagraphs(found, asked);
              });
            };
          });
          return response;
        });
      };
    });
  });
})();
