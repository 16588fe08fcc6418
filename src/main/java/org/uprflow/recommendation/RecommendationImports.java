package org.uprflow.recommendation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprflow.country.CountryDirectory;
import org.uprflow.country.ParticipantRole;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.RecordNotFoundException;

/**
 * Importing a file of recommendations in two steps: upload → a preview (stored in the database
 * for {@code uprflow.register.import-preview-minutes}), the user adjusts the mapping, then
 * confirms; or in one step with the options as parameters. The file is read anew at each step
 * from the stored bytes, so every node answers alike. The import itself is all or nothing
 * ({@link RecommendationRegister#importRead}). A file that cannot be read, or options that name
 * what the file does not have, are refused (400) and nothing is stored; an imported, discarded
 * or expired preview is deleted.
 */
@Service
public class RecommendationImports {

    /** Rows of a preview: enough to see that the columns are right. */
    static final int PREVIEW_ROWS = 20;
    private static final int EXAMPLES = 3;

    private final CountryDirectory countries;
    private final RecommendationRegister register;
    private final RecommendationRepository recommendations;
    private final ImportPreviewRepository previews;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Duration lifetime;
    private final Clock clock;

    RecommendationImports(CountryDirectory countries, RecommendationRegister register,
            RecommendationRepository recommendations, ImportPreviewRepository previews, MessageSource messages,
            ObjectMapper json, @Value("${uprflow.register.import-preview-minutes:30}") long lifetimeMinutes,
            Clock clock) {
        this.clock = clock;
        this.countries = countries;
        this.register = register;
        this.recommendations = recommendations;
        this.previews = previews;
        this.messages = messages;
        this.json = json;
        this.lifetime = Duration.ofMinutes(lifetimeMinutes);
    }

    /** Reads the upload; 400 if it cannot be read at all or the options are wrong, else stores it as a preview. */
    @Transactional
    public ImportPreview preview(CountryCode country, int cycle, String fileName, InputStream file,
            ImportOptions options, PlatformUser caller) {
        allowed(country, cycle, caller);
        byte[] bytes = bytes(file);
        ImportFile.Read read = read(country, cycle, bytes, fileName, options);
        OffsetDateTime now = OffsetDateTime.now(clock);
        previews.deleteExpired(now);
        UUID id = UUID.randomUUID();
        OffsetDateTime expires = now.plus(lifetime);
        previews.insert(id, country.value(), cycle, name(fileName), bytes, write(options), caller.userId(), now, expires);
        return view(id, expires, name(fileName), read);
    }

    public ImportPreview preview(CountryCode country, int cycle, UUID id, PlatformUser caller) {
        allowed(country, cycle, caller);
        ImportPreviewRepository.Stored stored = stored(country, cycle, id);
        return view(id, stored.expiresAt(), stored.fileName(),
                read(country, cycle, stored.content(), stored.fileName(), options(stored)));
    }

    /** Reads the stored file again with changed options; they are kept only if the file reads with them. */
    @Transactional(noRollbackFor = ImportPreviewGone.class)
    public ImportPreview change(CountryCode country, int cycle, UUID id, ImportOptions changes, PlatformUser caller) {
        allowed(country, cycle, caller);
        ImportPreviewRepository.Stored stored = stored(country, cycle, id);
        ImportOptions options = options(stored).overriddenBy(changes);
        ImportFile.Read read = read(country, cycle, stored.content(), stored.fileName(), options);
        previews.updateOptions(id, write(options));
        return view(id, stored.expiresAt(), stored.fileName(), read);
    }

    /** Imports the previewed file, all or nothing; the preview is gone afterwards, kept (until it expires) if refused. */
    @Transactional(noRollbackFor = ImportPreviewGone.class)
    public ImportSummary confirm(CountryCode country, int cycle, UUID id, ImportOptions changes, PlatformUser caller) {
        allowed(country, cycle, caller);
        ImportPreviewRepository.Stored stored = stored(country, cycle, id);
        ImportOptions options = options(stored).overriddenBy(changes);
        ImportFile.Read read = read(country, cycle, stored.content(), stored.fileName(), options);
        if (!read.result().problems().isEmpty()) {
            throw new ImportRejectedException(read.result().problems());
        }
        ImportSummary summary = register.importRead(country, cycle, fieldsOf(read.result()), caller);
        previews.delete(id, country.value(), cycle);
        return summary;
    }

    @Transactional(noRollbackFor = ImportPreviewGone.class)
    public void discard(CountryCode country, int cycle, UUID id, PlatformUser caller) {
        allowed(country, cycle, caller);
        previews.deleteExpired(OffsetDateTime.now(clock));
        if (!previews.delete(id, country.value(), cycle)) {
            throw new ImportPreviewGone(lifetime);
        }
    }

    /** Reads and imports in one request, as a script does: nothing is stored unless all of it imports. */
    @Transactional
    public ImportSummary importFile(CountryCode country, int cycle, String fileName, InputStream file,
            ImportOptions options, PlatformUser caller) {
        allowed(country, cycle, caller);
        ImportFile.Read read = read(country, cycle, bytes(file), fileName, options);
        if (!read.result().problems().isEmpty()) {
            throw new ImportRejectedException(read.result().problems());
        }
        return register.importRead(country, cycle, fieldsOf(read.result()), caller);
    }

    /**
     * Expired previews go, whichever node finds them first (an idempotent delete, so no node needs
     * to be the one): every minute, so that a refused file outlives its preview's lifetime by a
     * minute at most. Every upload and every access to a preview deletes them too.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void deleteExpiredPreviews() {
        previews.deleteExpired(OffsetDateTime.now(clock));
    }

    private ImportFile.Read read(CountryCode country, int cycle, byte[] bytes, String fileName, ImportOptions options) {
        return ImportFile.read(bytes, fileName, options, register.importMaxBytes(), country, cycle);
    }

    private static List<RecommendationFields> fieldsOf(ImportReading.Result result) {
        return result.recommendations().stream().map(ImportReading.Read::fields).toList();
    }

    private ImportPreview view(UUID id, OffsetDateTime expiresAt, String fileName, ImportFile.Read read) {
        Locale locale = LocaleContextHolder.getLocale();
        ImportTable table = read.table();
        List<ImportPreview.Column> columns = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < table.headers().size(); i++) {
            int index = i;
            ImportField field = read.mapping().fieldOf(i);
            List<String> examples = table.rows().stream().map(row -> row.cell(index)).filter(cell -> !cell.isBlank())
                    .limit(EXAMPLES).map(cell -> cell.length() > 80 ? cell.substring(0, 77) + "..." : cell).toList();
            columns.add(new ImportPreview.Column(i, table.headers().get(i), field == null ? null : field.key(), examples));
            if (field == null) {
                notes.add(messages.getMessage("import.note.ignored", new Object[] {table.headers().get(i)}, locale));
            }
        }
        ImportReading.Result result = read.result();
        List<ImportPreview.Row> rows = result.recommendations().stream().limit(PREVIEW_ROWS).map(r -> {
            RecommendationFields f = r.fields();
            return new ImportPreview.Row(r.row(), f.reference(), f.text(),
                    List.of(f.recommendingState().split(RecommendationFields.STATE_SEPARATOR)), f.position(),
                    f.session(), f.actionCategory(), f.themes(), f.affectedGroups(), f.sdgTargets(), f.sourceReference(),
                    r.flags().stream().map(flag -> messages.getMessage(flag, null, locale)).toList());
        }).toList();
        int flagged = (int) result.recommendations().stream().filter(r -> !r.flags().isEmpty()).count();
        int withoutPosition = (int) result.recommendations().stream().filter(r -> r.fields().position() == null).count();
        ImportPreview.Counts counts = new ImportPreview.Counts(result.rowsRead(), result.recommendations().size(),
                result.skippedOtherStates(), result.skippedOtherCycles(), result.skippedOtherBodies(),
                result.mergedRows(), flagged, withoutPosition);
        List<ImportPreview.Problem> problems = result.problems().stream().limit(ImportProblems.LISTED)
                .map(p -> new ImportPreview.Problem(p.row(), p.column(),
                        messages.getMessage(p.messageKey(), p.arguments().toArray(), locale)))
                .toList();
        List<String> fields = java.util.Arrays.stream(ImportField.values()).map(ImportField::key).toList();
        return new ImportPreview(id, expiresAt, fileName, table.format(), table.encoding(),
                table.delimiter() == null ? null : String.valueOf(table.delimiter()), table.headerRow(), columns, fields,
                rows, counts, problems, result.problems().size(), notes, result.problems().isEmpty());
    }

    private void allowed(CountryCode country, int cycle, PlatformUser caller) {
        countries.find(country, caller);
        RecommendationRegister.checkCycle(cycle);
        ParticipantRole.requireAny(caller, country, RecommendationRegister.REGISTRARS);
        if (!recommendations.cycleOpened(country.value(), cycle)) {
            throw new RecordNotFoundException("cycle", country.upperCase() + "-" + cycle);
        }
    }

    /** The preview, if it has not expired; expired ones are deleted first (committed also when this answers 404). */
    private ImportPreviewRepository.Stored stored(CountryCode country, int cycle, UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        previews.deleteExpired(now);
        return previews.find(id, country.value(), cycle, now).orElseThrow(() -> new ImportPreviewGone(lifetime));
    }

    private byte[] bytes(InputStream file) {
        try {
            // one byte more than the limit tells an oversized file without reading all of it
            return file.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, register.importMaxBytes() + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private String write(ImportOptions options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportOptions options(ImportPreviewRepository.Stored stored) {
        try {
            return json.readValue(stored.options(), ImportOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored import options unreadable: " + stored.id(), e);
        }
    }
}
