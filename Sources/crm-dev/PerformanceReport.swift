import Foundation

/// docs/performance.md: what `make bench` measured, on which machine, with which method.
struct PerformanceReport {
    let results: [BenchmarkResult]
    let growth: [GrowthBenchmark.Point]
    let records: Int

    func write(to path: String) throws {
        var text = """
            # Performance

            Written by `make bench` (`crm-dev bench --record docs/performance.md`); do not edit by hand.
            Every figure is the median of several runs of a release build, each against its anchor (ripgrep,
            git, PyYAML) measured in the same run, so that the ratios hold on other machines even where the
            seconds do not. The workspaces are generated (`crm-dev generate`): 10% customers, 70% calls, 20%
            complaints, laid out as a team keeps them.

            ## How crm is fast

            - **The persisted cache.** `.crm/cache/TYPE.records` holds each type's parsed records with the
              stamp (size, modification and change times, inode) each file had when read, like git's index.
              A command stats the files of the types it needs and parses only those whose stamp changed;
              a file changed within two seconds of the cache being written is read again (git's racy-clean
              rule). A damaged, truncated or out-of-date cache is rebuilt, never trusted (checksummed, every
              length checked); caches are replaced by rename, so concurrent writers cannot tear them.
              `--no-cache` reads every file.
            - **Compact records.** A record's fields live in one run of bytes, decoded only when asked for;
              records loaded from the cache share its bytes, so loading decodes nothing. Queries compare
              values on their bytes in place.
            - **Many reads in flight.** Files are read and parsed by more threads than cores, so a cold page
              cache keeps the disk busy.
            - **Commits without the index round trip.** `crm set` builds the new tree from HEAD's tree and
              updates only its file's entry in git's index, which it parses once (a hard link, not a
              copy, is what libgit2 rewrites) and hands to libgit2's attribute lookups; like git, it
              does not flush the index to the disk.

            ## Machine

            \(Self.machine().map { "- \($0)" }.joined(separator: "\n"))
            - measured: \(Self.now())
            - page cache dropped with: \(PageCache.method)

            ## Results (\(records) records)

            \(BenchmarkResult.markdown(results))
            """
        if !growth.isEmpty {
            text += """

                ## Growth

                The same query (`crm list complaint --where '\(SpeedBenchmark.condition)' --format ids`) on workspaces
                of growing size. A fixed start-up cost makes small workspaces relatively slower, so the curve is at
                worst linear.

                \(GrowthBenchmark.table(growth))
                """
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        print("recorded the results in \(path)")
    }

    /// The processor, cores, memory, system and file system.
    static func machine() -> [String] {
        var lines: [String] = []
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let model = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") })?.split(separator: ":", maxSplits: 1).last {
            lines.append("processor: \(model.trimmingCharacters(in: .whitespaces)), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        }
        lines.append("memory: \(ProcessInfo.processInfo.physicalMemory / (1 << 30)) GiB")
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let name = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            lines.append("system: \(name.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))), "
                         + "Linux \(ProcessInfo.processInfo.operatingSystemVersionString)")
        }
        if let output = try? Measure.run(["df", "-T", BenchData.folder]).output,
           let line = String(decoding: output, as: UTF8.self).split(separator: "\n").dropFirst().first {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count > 1 { lines.append("file system of the workspaces: \(fields[1])") }
        }
        if let output = try? Measure.run(["rg", "--version"]).output {
            lines.append("anchor: \(String(decoding: output, as: UTF8.self).split(separator: "\n").first ?? "rg")")
        }
        return lines
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime]
        return formatter.string(from: Date())
    }
}
