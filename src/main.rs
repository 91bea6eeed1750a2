//! The page's entry point (Trunk builds this binary to WebAssembly).
fn main() {
    ecs_sandbox::start();
}
