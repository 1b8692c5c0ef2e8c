import CRMChange
import CRMLocale
import CRMTerminal
import CRMWorkspace

/// `crm ui` running: draws the page, reads keys, carries out what `UIState` asks, and looks at
/// the disk each second so that a teammate's sync or an edit in another window shows at once.
/// Every change goes through the commands' own paths (`crm edit`, `log-call`, `set`, `done`):
/// locked, journalled, checked and committed.
struct UIApp {
    private var context: CommandContext
    private let terminal: Terminal
    private let style: Style
    private var state = UIState()
    private var pages: UIPages
    private var page: UIPage
    private var screen: UIScreen
    private var stamps: FolderStamps
    private var lastLook = ContinuousClock.now

    init(context: CommandContext, terminal: Terminal) throws {
        self.context = context
        self.terminal = terminal
        style = Style(enabled: terminal.colors)
        let (columns, rows) = terminal.size()
        let workspace = try context.workspace()
        screen = UIScreen(columns: columns, rows: rows, style: style,
                          workspaceName: workspace.config.name.isEmpty ? workspace.root : workspace.config.name)
        pages = try UIPages(context: context, width: max(20, columns - 2), style: style)
        page = pages.page(.customers)
        stamps = FolderStamps(workspace: workspace, records: [String]())
        try reload()
    }

    /// Runs until the person quits; the terminal is given back as it was.
    mutating func run() throws -> Int32 {
        try terminal.start()
        defer { terminal.stop() }
        while true {
            if TerminalSignals.takeResize() { try resize() }
            try terminal.draw(screen.frame(page, state: state))
            for key in try terminal.keys(waiting: 200) {
                let action = state.handle(key, page: page, rows: screen.bodyRows)
                if action == .quit { return ExitStatus.success }
                try perform(action)
            }
            if ContinuousClock.now - lastLook >= .seconds(1) {
                lastLook = .now
                if stamps.changed() { try reload() }
            }
        }
    }

    /// Reads the workspace again and rebuilds the page, keeping the selection.
    private mutating func reload() throws {
        let (columns, _) = terminal.size()
        pages = try UIPages(context: context, width: max(20, columns - 2), style: style)
        show()
        let shownFiles = page.targets.compactMap { $0?.recordID }.compactMap { pages.index.record($0)?.path }
        // The files the index read, whole or not: their folders are the ones to watch.
        let read = pages.index.records.map(\.path) + pages.index.problems.map(\.path)
        stamps = FolderStamps(workspace: pages.workspace, records: read, watching: shownFiles)
    }

    private mutating func resize() throws {
        let (columns, rows) = terminal.size()
        screen = UIScreen(columns: columns, rows: rows, style: style, workspaceName: screen.workspaceName)
        try reload()
    }

    private mutating func show() {
        page = pages.page(state.place.kind)
        state.follow(page, rows: screen.bodyRows)
    }

    private mutating func perform(_ action: UIState.Action) throws {
        switch action {
        case .none, .quit:
            return
        case .show:
            show()
        case .edit(let id):
            try edit(id)
        case .done(let id):
            try change { options, context throws in try DoneCommand.markDone(id, on: nil, options: options, context: &context) }
        case .logCall(let id):
            guard let record = pages.index.record(id) else { return }
            guard let customer = record.type == "customer" ? record.id : record["customer"]?.string else {
                state.message = tr("ui-no-customer", ["id": id])
                return
            }
            let entries = ["channel", "subject", "outcome", "follow-up"].map { UIDialog.Entry(key: $0, label: $0, value: "") }
            state.dialog = .form(tr("ui-log-call", ["customer": pages.index.record(customer).map(pages.index.title) ?? customer]), entries,
                                 for: .logCall(customer: customer))
        case .set(let id):
            guard let record = pages.index.record(id), let type = pages.index.schema.type(named: record.type) else { return }
            state.dialog = .choice(tr("ui-set-which", ["id": id]), type.fields.map(\.key), for: .chooseField(record: id))
        case .answer(let purpose, let outcome):
            try answer(purpose, outcome)
        }
    }

    /// What a closed dialog asked for.
    private mutating func answer(_ purpose: UIDialog.Purpose, _ outcome: UIDialog.Outcome) throws {
        switch (purpose, outcome) {
        case (_, .cancelled), (_, .editing):
            return
        case (.logCall(let customer), .submitted(let entries)):
            let given = entries.filter { !$0.value.trimmingWhitespace().isEmpty }.map { (field: $0.key, value: $0.value) }
            let logged = try change { options, context throws in
                try LogCallCommand.log(customer, given, editing: false, options: options, context: &context)
            }
            if !logged { state.dialog = .form(tr("ui-log-call", ["customer": customer]), entries, for: purpose) }
        case (.chooseField(let id), .chosen(let field)):
            chooseValue(id, field: field)
        case (.setValue(let id, let field), .chosen(let value)):
            try set(id, field: field, to: value)
        case (.setValue(let id, let field), .submitted(let entries)):
            try set(id, field: field, to: entries.first?.value ?? "")
        case (.completeValue(let id, let field, let value), .submitted(let entries)):
            let texts = ["\(field)=\(value)"] + entries.map { "\($0.key)=\($0.value)" }
            let set = try change { options, context throws in try SetCommand.set(id, texts, options: options, context: &context) }
            if !set { state.dialog = .form(tr("ui-set-value", ["field": field + " = " + value]), entries, for: purpose) }
        default:
            return
        }
    }

    /// Sets `field` of the record `id`; a move that closes a record first asks for what closing takes.
    private mutating func set(_ id: String, field: String, to value: String) throws {
        guard let record = pages.index.record(id), let type = pages.index.schema.type(named: record.type) else { return }
        let lifecycle = Lifecycle(type: type)
        let required = lifecycle?.stateField == field && lifecycle?.workflow?.closing.contains(value) == true
            ? lifecycle?.workflow?.closingRequires ?? [] : []
        if !required.isEmpty {
            let entries = required.map { UIDialog.Entry(key: $0, label: $0, value: record[$0]?.string ?? "") }
            state.dialog = .form(tr("ui-set-value", ["field": field + " = " + value]), entries,
                                 for: .completeValue(record: id, field: field, value: value))
            return
        }
        try change { options, context throws in try SetCommand.set(id, ["\(field)=\(value)"], options: options, context: &context) }
    }

    /// The values `field` of the record `id` may take: an enum's values, or only the moves a
    /// workflow allows from the record's state; else a text to type.
    private mutating func chooseValue(_ id: String, field: String) {
        guard let record = pages.index.record(id), let type = pages.index.schema.type(named: record.type),
              let definition = type.field(field) else { return }
        let current = record[field]?.string ?? ""
        let title = tr("ui-set-value", ["field": field])
        if let lifecycle = Lifecycle(type: type), lifecycle.stateField == field {
            let moves = lifecycle.allowed(from: current)
            guard !moves.isEmpty else {
                state.message = tr("ui-no-moves", ["field": field, "value": current])
                return
            }
            state.dialog = .choice(title, moves, for: .setValue(record: id, field: field))
        } else if case .enumeration(let values) = definition.kind {
            state.dialog = .choice(title, values, for: .setValue(record: id, field: field), selecting: current)
        } else {
            state.dialog = .form(title, [UIDialog.Entry(key: field, label: field, value: current)], for: .setValue(record: id, field: field))
        }
    }

    /// The record `id` in the person's editor, the screen handed over while it runs.
    private mutating func edit(_ id: String) throws {
        let before = pages.index.record(id).flatMap { try? RecordFile.read($0.path, root: pages.workspace.root) }
        let options = self.options
        var context = self.context
        do {
            _ = try terminal.suspended { try EditCommand.edit(id, options: options, context: &context) }
            let after = pages.index.record(id).flatMap { try? RecordFile.read($0.path, root: pages.workspace.root) }
            state.message = tr(after == before ? "ui-not-changed" : "ui-saved", ["id": id])
        } catch let error as CommandError {
            state.message = "error: " + error.message
        }
        try reload()
    }

    /// Makes a change through `body` (a command's own path) with what it prints kept for the
    /// key bar; true when it was made.
    @discardableResult
    private mutating func change(_ body: (ChangeOptions, inout CommandContext) throws -> Int32) throws -> Bool {
        var sub = CommandContext(console: .memory(), environment: context.environment, currentDirectory: context.currentDirectory)
        sub.workspaceOption = context.workspaceOption
        sub.noCache = context.noCache
        var made = false
        do {
            made = try body(options, &sub) == ExitStatus.success
            let said = (sub.console.output + sub.console.errors).split(separator: "\n").joined(separator: "; ")
            state.message = said.isEmpty ? tr("ui-saved", ["id": ""]) : said
        } catch let error as CommandError {
            state.message = "error: " + error.message + (error.problems.first.map { ": " + $0.message } ?? "")
        } catch let error as UsageError {
            state.message = "error: " + error.message
        }
        try reload()
        return made
    }

    private var options: ChangeOptions { ChangeOptions(environment: context.environment) }
}
