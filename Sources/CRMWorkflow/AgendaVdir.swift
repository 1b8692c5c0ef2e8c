import CRMInterchange
import CRMSyntax
import CRMWorkspace

/// The agenda in a calendar vdir: one `.ics` file per task (follow-ups, complaint deadlines,
/// customers due for contact, and what was done in the last 30 days as completed), as
/// vdirsyncer keeps in step with a CalDAV server and so with phones; and what was ticked off
/// there read back. A follow-up completed on the phone is to be marked done (with the day the
/// phone says); a completed deadline or contact task cannot be done from a phone (a complaint
/// closes with a resolution, a contact with a call) and is reported. A task file is written only
/// when more than its time stamp changed; files of crm's tasks no longer on the agenda are
/// removed; other files are left alone.
public struct AgendaVdir: Sendable {
    /// A follow-up ticked off in the calendar: the call and the day.
    public struct Done: Sendable, Equatable {
        public let call: String
        public let day: CivilDate
    }

    public let folder: String
    public private(set) var done: [Done] = []
    /// Completed tasks crm cannot act on, for people.
    public private(set) var notes: [String] = []
    public private(set) var writes: [(file: String, bytes: [UInt8])] = []
    public private(set) var removals: [String] = []

    /// Plans the calendar vdir at `folder` for the agenda of `index` on `today` (`days` ahead).
    public init(folder: String, index: WorkspaceIndex, today: CivilDate, now: CivilDateTime, days: Int, name: String) throws(VCardError) {
        self.folder = folder
        let agenda = Agenda(index: index, today: today, days: days)
        let completed = Agenda.completed(index: index, today: today, since: today.adding(days: -30), until: today.adding(days: days))
        var files: [String: (file: String, bytes: [UInt8], task: ICalendar.Component)] = [:]
        let suffix = "@" + (RecordID.slug(name) ?? "crm")
        for file in (DirectoryWalker.names(in: folder) ?? []).sorted() where file.lowercased().hasSuffix(".ics") {
            guard let bytes = try? FileIO.read(folder + "/" + file, limit: 1 << 20) else { continue }
            guard let task = try Self.read(bytes, file: file).first(where: { $0.name == "VTODO" }), let uid = task.value("UID"),
                  uid.hasPrefix("crm-"), uid.hasSuffix(suffix) else { continue }
            files[uid] = (file, bytes, task)
        }
        var pending: [String: Agenda.Item] = [:]
        for item in agenda.items { pending[AgendaCalendar.uid(item, name: name)] = item }
        var finished = Set(completed.map { AgendaCalendar.uid($0, name: name) })
        for (uid, file) in files.sorted(by: { $0.key < $1.key }) {
            guard let item = pending[uid], Self.isCompleted(file.task) else { continue }
            switch item.kind {
            case .followUp:
                let day = file.task.value("COMPLETED").flatMap { CivilDate($0.prefix(8).replacing(/(\d{4})(\d{2})(\d{2})/) { "\($0.1)-\($0.2)-\($0.3)" }) }
                done.append(Done(call: item.record.id, day: min(day ?? today, today)))
                pending[uid] = nil
                finished.insert(uid)
            case .deadline:
                notes.append("\(item.record.id): completed in the calendar; close it in crm: crm set \(item.record.id) status=resolved resolution=...")
            case .contact:
                notes.append("\(item.record.id): completed in the calendar; log the call in crm: crm log-call \(item.customer ?? item.record.id)")
            }
        }
        let doneCalls = Set(done.map(\.call))
        let closed = completed + agenda.items.filter { $0.kind == .followUp && doneCalls.contains($0.record.id) }
        let open = agenda.items.filter { !($0.kind == .followUp && doneCalls.contains($0.record.id)) }
        for item in open + closed {
            let uid = AgendaCalendar.uid(item, name: name)
            let isClosed = finished.contains(uid)
            let bytes = AgendaCalendar.calendar(isClosed ? [] : [item], completed: isClosed ? [item] : [], index: index, now: now,
                                                name: name).bytes()
            let file = files[uid]?.file ?? Self.fileName(uid)
            if let old = files[uid], Self.withoutStamp(old.bytes) == Self.withoutStamp(bytes) { continue }
            writes.append((file, bytes))
        }
        let current = Set((open + closed).map { AgendaCalendar.uid($0, name: name) })
        removals = files.filter { !current.contains($0.key) }.map(\.value.file).sorted()
    }

    /// The components of a task file, its errors naming the file.
    private static func read(_ bytes: [UInt8], file: String) throws(VCardError) -> [ICalendar.Component] {
        do {
            return try ICalendarReader.read(bytes)
        } catch {
            throw VCardError(line: error.line, column: error.column, message: "\(file): \(error.message)", hint: error.hint)
        }
    }

    private static func isCompleted(_ task: ICalendar.Component) -> Bool {
        task.value("STATUS")?.uppercased() == "COMPLETED" || task.value("COMPLETED") != nil
            || task.value("PERCENT-COMPLETE") == "100"
    }

    /// The file's lines but `DTSTAMP`, which changes on every export.
    private static func withoutStamp(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("DTSTAMP") }
    }

    /// A task's file name: its UID, `@` and anything but letters, digits and `-` made `-`.
    static func fileName(_ uid: String) -> String {
        String(uid.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" }) + ".ics"
    }

    /// Writes and removes the planned files; call after the follow-ups are committed.
    public func apply() throws(FileError) {
        try VdirFiles.apply(writes: writes, removals: removals, in: folder)
    }
}
