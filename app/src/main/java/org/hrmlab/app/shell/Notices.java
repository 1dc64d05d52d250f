package org.hrmlab.app.shell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lab's message centre: view models post errors and infos (FX thread only); the window shows the newest as a
 * notification and keeps a history.
 */
public final class Notices {
    private static final int KEEP = 100;
    private static final System.Logger LOG = System.getLogger(Notices.class.getName());

    private final ObservableList<Notice> history = FXCollections.observableArrayList();
    private final ObservableList<Notice> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>();

    public void error(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
        post(new Notice(Notice.Level.ERROR, oneLine(message)));
    }

    public void info(String message) {
        post(new Notice(Notice.Level.INFO, oneLine(message)));
    }

    private void post(Notice notice) {
        history.add(notice);
        if (history.size() > KEEP) {
            history.remove(0);
        }
        latest.set(notice);
    }

    public ReadOnlyObjectProperty<Notice> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public Notice getLatest() {
        return latest.get();
    }

    public ObservableList<Notice> history() {
        return historyView;
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 300 ? first.substring(0, 297) + "..." : first;
    }
}
