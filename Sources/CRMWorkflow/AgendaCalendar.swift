import CRMInterchange
import CRMWorkspace

/// The agenda as iCalendar tasks: each pending follow-up and open deadline a VTODO whose UID is
/// made from the record's id, so a calendar that imports the file again updates its tasks.
public enum AgendaCalendar {
    public static func calendar(_ items: [Agenda.Item], index: WorkspaceIndex, now: CivilDateTime, name: String) -> ICalendar {
        let stamp = Int64(now.date.dayNumber) * 86_400 + Int64(now.seconds)
        let tasks = items.map { item in
            let customer = item.customer.flatMap(index.record).map { index.title(of: $0) }
            let what = item.kind == .followUp ? "Follow up" : "Due"
            var properties: [ICalendar.Property] = [
                .text("UID", "crm-\(item.record.type)-\(item.record.id)-\(item.kind.rawValue)@\(RecordID.slug(name) ?? "crm")"),
                .dateTimeUTC("DTSTAMP", secondsSince1970: stamp),
                .date("DUE", year: item.due.year, month: item.due.month, day: item.due.day),
                .text("SUMMARY", "\(what): \(item.promise)" + (customer.map { " (\($0))" } ?? "")),
                .text("DESCRIPTION", "\(item.record.type) \(item.record.id): \(item.record.path)"),
                .text("STATUS", "NEEDS-ACTION"),
            ]
            if !item.owner.isEmpty { properties.append(.text("X-CRM-OWNER", item.owner)) }
            return ICalendar.Component(name: "VTODO", properties: properties)
        }
        return ICalendar(productID: "-//crm//crm export//EN", name: name, components: tasks)
    }
}
