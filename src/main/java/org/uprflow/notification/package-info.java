/**
 * Notices to the participants by e-mail: a task waiting for their role or assigned to them, a
 * reminder before its due date, an overdue task, a phase completed. Owns the outbox (written in
 * the transaction of the event, sent after commit by whichever node claims it), each person's
 * choice of delivery and language, the one-click unsubscribe links and the reminder setting of
 * each country. The engine is reached only through {@link org.uprflow.notification.NotificationEnginePlugin},
 * {@link org.uprflow.notification.NoticeParseListener} and {@link org.uprflow.notification.NoticeEngineQueries}.
 */
package org.uprflow.notification;
