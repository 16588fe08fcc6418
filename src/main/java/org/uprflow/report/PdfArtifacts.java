package org.uprflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.pdfboxout.PageSupplier;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * What openhtmltopdf 1.1.31's PDF/UA mode costs for nothing. It takes every box for a background
 * ({@code Box.hasNonTextContent} compares {@code background-image}'s list of values with the
 * identifier {@code none}, which never matches), so each block and each line of text opens an empty
 * {@code /Artifact} marked-content sequence whose property list (a bounding box) goes into the page's
 * resources: 28,000 of them in a real country's report, four fifths of the PDF's objects. PDFBox finds
 * whether a property list is in the page's resources already by walking them all, so a page's cost
 * grows with the square of its boxes.
 * <p>
 * The pages come with an indexed property dictionary (finding a property list is a look-up), and
 * before the PDF is saved the empty sequences and their property lists are taken out of the pages.
 * Artifacts that draw something (borders, backgrounds, the running header) stay; the structure
 * tree never refers to artifacts.
 */
final class PdfArtifacts {

    /** An empty artifact as PDFBox writes it: operands and operator on one line, then its end on the next. */
    private static final byte[] PREFIX = "/Artifact /".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = " BDC\nEMC\n".getBytes(StandardCharsets.US_ASCII);

    private PdfArtifacts() {
    }

    /** New pages whose property lists are indexed. */
    static PageSupplier pages() {
        return (document, width, height, pageNumber, shadowPageNumber) -> {
            PDPage page = new PDPage(new PDRectangle(width, height));
            COSDictionary resources = new COSDictionary();
            resources.setItem(COSName.PROPERTIES, new IndexedProperties());
            page.setResources(new PDResources(resources));
            document.addPage(page);
            return page;
        };
    }

    /** Takes the empty artifacts out of every page's content and their property lists out of its resources. */
    static void removeEmpty(PDDocument document) throws IOException {
        for (PDPage page : document.getPages()) {
            COSDictionary properties = page.getResources() == null ? null
                    : page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
            if (properties == null) {
                continue;
            }
            Set<String> removed = new HashSet<>();
            Set<String> used = new HashSet<>();
            for (Iterator<PDStream> streams = page.getContentStreams(); streams.hasNext();) {
                COSStream stream = streams.next().getCOSObject();
                byte[] content;
                try (InputStream in = stream.createInputStream()) {
                    content = in.readAllBytes();
                }
                byte[] kept = withoutEmpty(content, removed);
                if (kept.length != content.length) {
                    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                        out.write(kept);
                    }
                }
                used.addAll(referenced(kept));
            }
            removed.removeAll(used);
            removed.forEach(name -> properties.removeItem(COSName.getPDFName(name)));
        }
    }

    /** The content without its empty artifact sequences; the names of their property lists go to {@code removed}. */
    static byte[] withoutEmpty(byte[] content, Set<String> removed) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(content.length);
        int copied = 0;
        int i = 0;
        while (i < content.length) {
            int end = emptyArtifactAt(content, i);
            if (end > 0) {
                kept.write(content, copied, i - copied);
                removed.add(new String(content, i + PREFIX.length, end - SUFFIX.length - i - PREFIX.length,
                        StandardCharsets.US_ASCII));
                copied = end;
                i = end;
            } else {
                int next = indexOf(content, (byte) '\n', i);
                i = next < 0 ? content.length : next + 1;
            }
        }
        kept.write(content, copied, content.length - copied);
        return kept.toByteArray();
    }

    /** Where the empty artifact that starts a line at {@code at} ends, or -1 when none starts there. */
    private static int emptyArtifactAt(byte[] content, int at) {
        if (!startsWith(content, at, PREFIX)) {
            return -1;
        }
        int name = at + PREFIX.length;
        int i = name;
        while (i < content.length && isNameCharacter(content[i])) {
            i++;
        }
        return i > name && startsWith(content, i, SUFFIX) ? i + SUFFIX.length : -1;
    }

    /** The property lists a content stream still names ({@code /Name BDC}). */
    private static Set<String> referenced(byte[] content) {
        Set<String> names = new HashSet<>();
        byte[] operator = " BDC\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = indexOf(content, operator, 0); i >= 0; i = indexOf(content, operator, i + 1)) {
            int start = i;
            while (start > 0 && isNameCharacter(content[start - 1])) {
                start--;
            }
            if (start > 0 && content[start - 1] == '/' && start < i) {
                names.add(new String(content, start, i - start, StandardCharsets.US_ASCII));
            }
        }
        return names;
    }

    private static boolean isNameCharacter(byte b) {
        return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z';
    }

    private static boolean startsWith(byte[] content, int at, byte[] prefix) {
        if (at + prefix.length > content.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] content, byte b, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] content, byte[] sought, int from) {
        for (int i = from; i <= content.length - sought.length; i++) {
            if (startsWith(content, i, sought)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A page's property lists, each also indexed by identity: PDFBox asks {@code containsValue} and
     * {@code getKeyForValue} before adding one, which a plain dictionary answers by walking all of them.
     */
    private static final class IndexedProperties extends COSDictionary {

        private final Map<COSBase, COSName> names = new IdentityHashMap<>();

        @Override
        public void setItem(COSName key, COSBase value) {
            COSBase old = getItem(key);
            if (old != null) {
                names.remove(old);
            }
            super.setItem(key, value);
            if (value != null) {
                names.put(value, key);
            }
        }

        @Override
        public void removeItem(COSName key) {
            COSBase old = getItem(key);
            if (old != null) {
                names.remove(old);
            }
            super.removeItem(key);
        }

        @Override
        public boolean containsValue(Object value) {
            return names.containsKey(value);
        }

        @Override
        public COSName getKeyForValue(Object value) {
            return names.get(value);
        }
    }
}
