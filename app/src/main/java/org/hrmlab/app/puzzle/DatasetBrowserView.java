package org.hrmlab.app.puzzle;

import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Puzzles screen: the library's puzzles (bundled, then opened files and folders), to open in the inspector or the
 * editor, and the buttons that open more.
 */
public final class DatasetBrowserView extends BorderPane {
    private final ListView<LabPuzzle> list = new ListView<>();

    public DatasetBrowserView(PuzzleLibrary library, Consumer<LabPuzzle> inspect, Consumer<LabPuzzle> edit,
                              Runnable openFile, Runnable openFolder) {
        getStyleClass().add("dataset-view");
        list.setId("dataset-list");
        list.setItems(library.puzzles());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LabPuzzle p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + "   \u00b7   " + p.kind().label() + " "
                        + p.input().rows() + "\u00d7" + p.input().cols()
                        + (p.hasAnswer() ? "   \u00b7   answer known" : ""));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected() != null) {
                inspect.accept(selected());
            }
        });
        list.getSelectionModel().selectFirst();
        var open = new Button("Open in inspector");
        open.getStyleClass().add(Styles.ACCENT);
        open.setOnAction(e -> {
            if (selected() != null) {
                inspect.accept(selected());
            }
        });
        var editButton = new Button("Edit");
        editButton.setOnAction(e -> {
            if (selected() != null) {
                edit.accept(selected());
            }
        });
        var fileButton = new Button("Open puzzle file\u2026");
        fileButton.setId("open-puzzle-file");
        fileButton.setOnAction(e -> openFile.run());
        var folderButton = new Button("Open folder\u2026");
        folderButton.setId("open-puzzle-folder");
        folderButton.setOnAction(e -> openFolder.run());
        var title = new Label("Puzzles");
        title.getStyleClass().add(Styles.TITLE_3);
        var note = new Label("The bundled samples, then what you open: Sudoku and maze CSVs, Sudoku lines, maze text, ARC"
                + " task JSON files or folders of them, and dataset folders in the reference layout (their test"
                + " split). Files dropped on the window open too.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        var top = new VBox(6, title, note);
        top.setPadding(new Insets(16, 16, 8, 16));
        setTop(top);
        setCenter(list);
        BorderPane.setMargin(list, new Insets(0, 16, 0, 16));
        var buttons = new HBox(8, open, editButton, fileButton, folderButton);
        buttons.setPadding(new Insets(12, 16, 16, 16));
        setBottom(buttons);
    }

    private LabPuzzle selected() {
        return list.getSelectionModel().getSelectedItem();
    }
}
