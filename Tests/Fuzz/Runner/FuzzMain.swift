import Foundation
import FuzzTargets

#if FUZZING
    import CLibFuzzer

    /// The target `FUZZ_TARGET` names; libFuzzer calls it with every generated input.
    private let selected = ProcessInfo.processInfo.environment["FUZZ_TARGET"].flatMap(FuzzTarget.named)

    /// libFuzzer's entry point (its runtime refers to it even though `main` starts the driver itself).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        selected?.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
        return 0
    }
#endif

/// The fuzz runner. Built with `-DFUZZING` and `-sanitize=fuzzer` it is a libFuzzer binary for the
/// target named by `FUZZ_TARGET` (see `scripts/fuzz`); built normally, `regconsole-fuzz TARGET FILE…`
/// replays saved inputs through the target. `--list` prints the target names.
@main
struct FuzzMain {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "--list" {
            print(FuzzTarget.all.map(\.name).joined(separator: "\n"))
            return
        }
        #if FUZZING
            guard selected != nil else { fail("set FUZZ_TARGET to one of: \(names)") }
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in fuzzOneInput(bytes, count) })
        #else
            guard let name = arguments.first, let target = FuzzTarget.named(name), arguments.count > 1 else {
                fail("usage: regconsole-fuzz TARGET FILE… (targets: \(names))")
            }
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
                target.run(data)
            }
        #endif
    }

    private static var names: String { FuzzTarget.all.map(\.name).joined(separator: ", ") }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("regconsole-fuzz: \(message)\n".utf8))
        exit(2)
    }
}
