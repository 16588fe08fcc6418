/**
 * The meetings of a country's cycle as they were held: pre-session, the CSO workshop on the
 * implementation plan, the two days of the coordination meeting and each follow-up meeting, with
 * the date, the place and the attendance per side (CSO, government, NHRI where counted). A row is
 * written by {@link org.uprflow.meeting.RecordMeetingListener} when the task that records the
 * meeting completes; {@link org.uprflow.meeting.MeetingLog} is the way in.
 */
package org.uprflow.meeting;
