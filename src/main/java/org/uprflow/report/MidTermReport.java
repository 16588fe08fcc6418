package org.uprflow.report;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.uprflow.matrix.MatrixAnswer;
import org.uprflow.matrix.MatrixVersion;
import org.uprflow.recommendation.ImplementationStatus;
import org.uprflow.recommendation.Position;

/**
 * A cycle's mid-term report: what the implementation matrix, its progress notes, the meetings and
 * the engine's history say, compiled at {@code compiledAt}. A DRAFT is compiled anew at every
 * read; a PUBLISHED report is this record as it stood when published, read back unchanged.
 * {@code publishable} says whether the caller may publish it now (never stored as true).
 * {@code draftReason}: why it was published while the matrix it covers was still a draft (required
 * then, printed with the report; null otherwise). Days a user states (…{@code On}) are the days
 * things happened, which for a cycle entered late are years before they were typed; time stamps
 * (…{@code At}) are when the platform recorded them.
 */
public record MidTermReport(String countryCode, String countryName, int cycleNumber, String businessKey,
        int wgSession, LocalDate reviewDate, State state, OffsetDateTime compiledAt, OffsetDateTime publishedAt,
        String publishedBy, boolean publishable, MatrixSource matrix, StatusCounts totals, PositionCounts positions,
        List<ThemeStatus> themes, List<RecommendationStatus> recommendations, List<Entry> entries,
        List<Contribution> contributions, List<Meeting> meetings, Timeline timeline, String draftReason,
        @Schema(description = "The day the Human Rights Council adopted the review's outcome, as stated "
                + "(its task's form, or the step recorded at the cycle's opening); null while not adopted")
        LocalDate outcomeAdoptedOn,
        @Schema(description = "The day the report was published, as the programme manager stated it "
                + "(default: the day she published it); null for a draft") LocalDate publishedOn) {

    public enum State {
        DRAFT,
        PUBLISHED
    }

    /**
     * The matrix version the report reads: the latest final one, else the latest draft;
     * {@code finalisedOn} the day it became final as the sides stated their agreement, and the day
     * each side stated it agreed to it; {@code answers}: each side's answer in every round of the
     * follow-up meeting with its stated day (none in a report published before they were kept).
     */
    public record MatrixSource(int version, MatrixVersion.Status status, OffsetDateTime finalisedAt,
            String finalisedBy, LocalDate finalisedOn, LocalDate csoAgreedOn, LocalDate governmentAgreedOn,
            List<MatrixAnswer> answers) {

        public MatrixSource {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }

        /** A version without the rounds' answers (a matrix finalised by its programme manager, or before V26). */
        public MatrixSource(int version, MatrixVersion.Status status, OffsetDateTime finalisedAt, String finalisedBy,
                LocalDate finalisedOn, LocalDate csoAgreedOn, LocalDate governmentAgreedOn) {
            this(version, status, finalisedAt, finalisedBy, finalisedOn, csoAgreedOn, governmentAgreedOn, List.of());
        }

        boolean isFinal() {
            return status == MatrixVersion.Status.FINAL;
        }
    }

    /** How many recommendations stand at each status; {@code notInMatrix}: no row of the matrix covers them. */
    public record StatusCounts(long fullyImplemented, long partiallyImplemented, long inProcess,
            long littleOrNoAction, long notStarted, long notInMatrix) {

        public long total() {
            return fullyImplemented + partiallyImplemented + inProcess + littleOrNoAction + notStarted + notInMatrix;
        }
    }

    public record PositionCounts(long supported, long noted, long none) {
    }

    /** A theme (issue) of the register and the status of its recommendations. */
    public record ThemeStatus(String theme, StatusCounts counts) {
    }

    /**
     * A recommendation and its status: the least advanced status of the matrix rows that cover
     * it (null when none does), so that one lagging row is not hidden by another's progress.
     */
    public record RecommendationStatus(int ordinal, String text, String recommendingState, Position position,
            List<String> themes, ImplementationStatus status, List<String> clusters,
            @Schema(description = "The UN paragraph number, else the number in the register") String citation) {
    }

    /** A row of the matrix with the government's progress reports and the CSOs' and NHRI's assessments. */
    public record Entry(UUID key, String themeCluster, String goal, String actions, String indicators,
            String responsibleInstitution, String timeline, ImplementationStatus status,
            List<Integer> recommendations, List<Note> reports, List<Note> assessments,
            @Schema(description = "The recommendations as cited: UN paragraph numbers where known") List<String> citations) {
    }

    /** A progress report or assessment: who (role, user), when, the status they see, what they say. */
    public record Note(String authorRole, String author, OffsetDateTime at, ImplementationStatus status, String text) {
    }

    /**
     * One side's contribution to the mid-term report, from the task that side completed (null while
     * open); {@code submittedOn}: the day the side states it submitted it (else the day it completed).
     */
    public record Contribution(String side, String completedBy, OffsetDateTime completedAt, String link,
            Long fullyImplemented, Long partiallyImplemented, LocalDate submittedOn) {
    }

    /**
     * A meeting of the cycle as held ({@code kind} as the meeting log names it, e.g.
     * COORDINATION_DIALOGUE; {@code round} for follow-up meetings): the day it was held as stated,
     * who organised it, who attended per side (null where the meeting's form does not count that
     * side), what it agreed and links to its documents (null in reports published before they were kept).
     */
    public record Meeting(String kind, Integer round, LocalDate heldOn, String place, Integer cso,
            Integer government, Integer nhri, String organisers, String agreed, List<String> documents) {
    }

    /**
     * The calendar's due dates and what happened: the phases done before the platform (as the
     * programme manager stated them at the opening), then the steps the engine recorded, each with
     * the days its users stated where they stated any.
     */
    public record Timeline(List<PlannedDate> planned, List<Step> happened) {
    }

    /** A due date of the cycle by its variable name ({@code stakeholderReportDue}). */
    public record PlannedDate(String name, String due) {
    }

    /**
     * A phase or task of the cycle: when the engine started and ended it ({@code endedAt} null while
     * it runs) and the days it happened as stated ({@code startedOn}, {@code endedOn}: the held days
     * of its meetings, the adoption, the matrix's agreement, the contributions; null where nobody
     * stated one). {@code beforePlatform}: a phase done before the cycle was opened, recorded at the
     * opening, with no engine time stamps.
     */
    public record Step(String activityId, String name, String type, OffsetDateTime startedAt, OffsetDateTime endedAt,
            LocalDate startedOn, LocalDate endedOn, boolean beforePlatform) {
    }
}
