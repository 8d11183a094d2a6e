package dev.marquee.render;

import dev.marquee.format.Formats;
import dev.marquee.history.Archive;
import dev.marquee.history.Memory;
import dev.marquee.render.Views.EditionView;

import java.util.ArrayList;
import java.util.List;

/** The archive page's editions, newest first. */
final class EditionViews {

    private EditionViews() {
    }

    static List<EditionView> archive(Memory memory) {
        List<EditionView> editions = new ArrayList<>();
        List<Archive.Entry> entries = memory.archive();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Archive.Entry entry = entries.get(i);
            editions.add(new EditionView(Formats.date(entry.asOf()), entry.siteHref(), entry.pdfHref(), entry.full(), entry.current(),
                    entry.figures(), entry.targets()));
        }
        return editions;
    }
}
