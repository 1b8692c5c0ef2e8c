import CRMInterchange
import CRMWorkspace

/// The agenda as iCalendar tasks: each pending follow-up, open deadline and customer due for
/// contact a VTODO whose UID is made from the record's id and the item's kind, so a calendar
/// that imports or subscribes to the file again updates its tasks; `completed` items (done
/// follow-ups, closed complaints) are `STATUS:COMPLETED`.
public enum AgendaCalendar {
    /// The task's UID: `crm-call-ID-follow-up@WORKSPACE`, the same in every export.
    public static func uid(_ item: Agenda.Item, name: String) -> String {
        "crm-\(item.record.type)-\(item.record.id)-\(item.kind.rawValue)@\(RecordID.slug(name) ?? "crm")"
    }

    public static func calendar(_ items: [Agenda.Item], completed: [Agenda.Item] = [], index: WorkspaceIndex, now: CivilDateTime,
                                name: String) -> ICalendar {
        let stamp = Int64(now.date.dayNumber) * 86_400 + Int64(now.seconds)
        let done = Set(completed.map { "\($0.record.id) \($0.kind.rawValue)" })
        let tasks = (items + completed).map { item in
            let customer = item.customer.flatMap(index.record).map { index.title(of: $0) }
            let what = item.kind == .followUp ? "Follow up" : item.kind == .contact ? "Keep in touch" : "Due"
            var properties: [ICalendar.Property] = [
                .text("UID", uid(item, name: name)),
                .dateTimeUTC("DTSTAMP", secondsSince1970: stamp),
                .date("DUE", year: item.due.year, month: item.due.month, day: item.due.day),
                .text("SUMMARY", "\(what): \(item.promise)" + (customer.map { " (\($0))" } ?? "")),
                .text("DESCRIPTION", "\(item.record.type) \(item.record.id): \(item.record.path)"),
                .text("STATUS", done.contains("\(item.record.id) \(item.kind.rawValue)") ? "COMPLETED" : "NEEDS-ACTION"),
            ]
            if !item.owner.isEmpty { properties.append(.text("X-CRM-OWNER", item.owner)) }
            return ICalendar.Component(name: "VTODO", properties: properties)
        }
        return ICalendar(productID: "-//crm//crm export//EN", name: name, components: tasks)
    }
}
