import Foundation
import Testing

/// `crm lsp` in Emacs (Debian's emacs-nox 28 with elpa-eglot 1.9 and elpa-yaml-mode), in batch
/// mode with the set-up docs/editors.md gives: a diagnostic read through flymake, completion,
/// hover, a jump to a definition, and a rename refused with its reason, since this eglot
/// cannot rename files.
@Suite("Editors: crm lsp in Emacs with eglot", .serialized)
struct EmacsTests {
    static let isInstalled: Bool = {
        let packages = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/share/emacs/site-lisp/elpa-src")) ?? []
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/emacs")
            && packages.contains { $0.hasPrefix("eglot-") } && packages.contains { $0.hasPrefix("yaml-mode-") }
    }()

    static let script = #"""
(require 'package)
(package-initialize)
(require 'yaml-mode)
(require 'eglot)
(require 'json)
(setq eglot-sync-connect t)
;; The set-up docs/editors.md gives, with the binary under test for "crm".
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs `((yaml-mode yaml-ts-mode) . (,(getenv "CRM_BIN") "lsp"))))
(add-hook 'yaml-mode-hook #'eglot-ensure)
(defvar crm-results nil)
(defun crm-note (key value) (push (cons key value) crm-results))
(defun crm-at (line column) (goto-char (point-min)) (forward-line line) (forward-char column))
(find-file (concat (getenv "CRM_ROOT") "/contacts/jana-mala.yaml"))
;; eglot-ensure connects from post-command-hook, which batch mode does not run by itself.
(run-hooks 'post-command-hook)
(crm-note 'managed (if (eglot-managed-p) t :json-false))
(let ((tries 0))
  (while (and (null (flymake-diagnostics)) (< tries 300))
    (accept-process-output nil 0.1)
    (setq tries (1+ tries))))
(crm-note 'diagnostics (vconcat (mapcar (lambda (d)
                                           (list (cons 'line (1- (line-number-at-pos (flymake-diagnostic-beg d))))
                                                 (cons 'text (flymake-diagnostic-text d))))
                                         (flymake-diagnostics))))
(crm-at 3 14)
(let ((capf (eglot-completion-at-point)))
  (crm-note 'completion (vconcat (funcall (nth 2 capf) "" nil t))))
(crm-at 2 1)
(let ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover (eglot--TextDocumentPositionParams))))
  (crm-note 'hover (plist-get (plist-get hover :contents) :value)))
(crm-at 1 11)
(crm-note 'rename (condition-case problem (progn (eglot-rename "acme-cz") "renamed")
                    (error (error-message-string problem))))
(crm-at 1 11)
(xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
(crm-note 'jumped buffer-file-name)
(with-temp-file (getenv "CRM_OUT") (insert (json-encode crm-results)))
(kill-emacs 0)
"""#

    @Test("A bad enum value's diagnostic, completion of its values, hover, a jump to a referenced record, a refused rename",
          .enabled(if: isInstalled, "Emacs with eglot and yaml-mode is not installed (make deps installs emacs-nox, elpa-eglot, elpa-yaml-mode)"))
    func emacs() throws {
        let fixture = try EditorScript.fixture()
        let seen = try EditorScript.run(Self.script, as: "test.el", command: ["emacs", "--batch", "-l", "SCRIPT"], fixture: fixture)
        #expect(seen["managed"] as? Bool == true, "eglot-ensure started crm lsp for the record")
        let diagnostics = seen["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?["line"] as? Int == 3)
        #expect((diagnostics.first?["text"] as? String)?.contains("did you mean 'contract'?") == true)
        #expect((seen["completion"] as? [String])?.prefix(2) == ["consent", "contract"])
        #expect((seen["hover"] as? String)?.hasPrefix("**role**") == true, "\(seen["hover"] ?? "")")
        #expect((seen["jumped"] as? String)?.hasSuffix("/customers/acme.yaml") == true, "\(seen["jumped"] ?? "")")
        #expect((seen["rename"] as? String)?.contains("run crm mv instead") == true, "\(seen["rename"] ?? "")")
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/customers/acme.yaml"), "nothing renamed")
    }
}
