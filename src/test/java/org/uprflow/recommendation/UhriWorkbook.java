package org.uprflow.recommendation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An .xlsx in the shape of OHCHR's Universal Human Rights Index export: its headers (with OHCHR's
 * misspellings), multi-values one a line each starting with "- ", dates as Excel serial numbers,
 * UPR positions Supported, Noted or Supported/Noted, and treaty-body rows mixed with the UPR's.
 */
public final class UhriWorkbook {

    public static final List<String> HEADERS = List.of("Text", "Countries Concerned", "Reccomending Body",
            "Document Symbol", "Themes", "Affected Persons", "Sdgs", "Document Publication Date",
            "UPR Reccomending States", "UPR Position", "Type", "OHCHR Annotation Id", "UPR Session",
            "Regions Concerned", "Recommending Regions", "Date of publication on UHRI");

    /** One row of the export. {@code body} "UPR" or a treaty body such as "CEDAW". */
    public record Row(String text, String country, String body, String themes, String persons, String sdgs,
            String states, String position, String session) {
    }

    private UhriWorkbook() {
    }

    public static byte[] write(List<Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "UHRI", "1.0");
            Worksheet sheet = workbook.newWorksheet("Recommendations");
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(0, c, HEADERS.get(c));
            }
            int r = 1;
            for (Row row : rows) {
                sheet.value(r, 0, row.text());
                sheet.value(r, 1, row.country());
                sheet.value(r, 2, row.body());
                sheet.value(r, 3, "A/HRC/44/10");
                sheet.value(r, 4, row.themes());
                sheet.value(r, 5, row.persons());
                sheet.value(r, 6, row.sdgs());
                sheet.value(r, 7, 44105); // an Excel serial date, as the export has them
                sheet.value(r, 8, row.states());
                sheet.value(r, 9, row.position());
                sheet.value(r, 10, "Recommendation");
                sheet.value(r, 11, 1_000_000 + r);
                sheet.value(r, 12, row.session());
                sheet.value(r, 13, "Africa");
                sheet.value(r, 14, "WEOG");
                sheet.value(r, 15, 44200);
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
