//! Browser tests of the lesson pane and what it drives: the goal checklist ticks as the solution's commands
//! are typed, hints show one at a time, the cluster view draws the task, the editor feeds `file://`, and the
//! work survives a reload. Also the panic banner.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{mount, mount_with};
use ecs_sandbox::AppProps;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn first_lesson() -> ecs_sim::lesson::Lesson {
    ecs_sim::lesson::builtin().into_iter().find(|l| l.id == "first-task").unwrap()
}

#[wasm_bindgen_test]
async fn goals_tick_as_the_solution_is_typed() {
    let page = mount().await;
    let lesson = first_lesson();
    let ids: Vec<String> = lesson.goals.iter().map(|g| g.id.clone()).collect();
    assert_eq!(page.goals(), ids.iter().map(|id| (id.clone(), false)).collect::<Vec<_>>());
    assert_eq!(page.text(".goals-count"), format!("0 of {}", ids.len()));
    let mut met_before = 0;
    for line in &lesson.solution {
        page.enter(line).await;
        let met = page.goals().iter().filter(|(_, m)| *m).count();
        assert!(met >= met_before, "a goal unticked after {line}");
        met_before = met;
        if line.starts_with("aws ecs create-cluster") {
            assert!(page.goals().contains(&("cluster".to_string(), true)), "the cluster goal ticks at once");
        }
    }
    assert!(page.goals().iter().all(|(_, met)| *met), "{:?}", page.goals());
    assert!(page.find(".lesson-done").is_some());
    assert_eq!(page.text(".goals-count"), format!("{} of {}", ids.len(), ids.len()));
    let (_, transcript) = ecs_sim::lesson::run_solution(&lesson).unwrap();
    assert_eq!(page.terminal_text(), transcript, "the page's terminal prints what `ecs-sim run` prints");
    assert_eq!(page.text("[data-testid=clock]"), ecs_sim::lesson::run_solution(&lesson).unwrap().0.view().clock);

    // The cluster view: skipping the animation draws the instances and the running task.
    page.click(".anim-finish").await;
    let chips = page.all("svg .task-chip");
    assert_eq!(chips.len(), 1);
    assert_eq!(chips[0].get_attribute("data-status").as_deref(), Some("RUNNING"));
    assert_eq!(page.all("svg .instance").len(), 2);
    assert!(page.text(".anim-status").contains("Up to date"));
}

#[wasm_bindgen_test]
async fn hints_show_one_at_a_time() {
    let page = mount().await;
    let hints = first_lesson().hints.len();
    assert!(hints >= 2);
    assert!(page.all(".hint").is_empty());
    page.click(".hint-button").await;
    assert_eq!(page.all(".hint").len(), 1);
    page.click(".hint-button").await;
    assert_eq!(page.all(".hint").len(), 2);
    for _ in 2..hints {
        page.click(".hint-button").await;
    }
    assert_eq!(page.all(".hint").len(), hints);
    assert!(page.get(".hint-button").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn reset_starts_the_lesson_over() {
    let page = mount().await;
    page.enter("aws ecs create-cluster --cluster-name demo").await;
    assert!(page.goals()[0].1);
    page.click(".lesson-actions .reset").await;
    assert!(page.goals().iter().all(|(_, m)| !m));
    assert_eq!(page.terminal_text(), "");
    assert!(page.find("svg.cluster-svg").is_none(), "no cluster drawn");
}

#[wasm_bindgen_test]
async fn the_editor_feeds_the_next_command_and_written_files_open_as_tabs() {
    use wasm_bindgen::JsCast;
    let page = mount().await;
    let tabs: Vec<String> = page.all(".tab").iter().map(|t| t.text_content().unwrap()).collect();
    assert_eq!(tabs, ["user-data.sh", "task-definition.json"]);
    let editor: web_sys::HtmlTextAreaElement = page.get(".editor-text").dyn_into().unwrap();
    assert_eq!(editor.get_attribute("data-file").as_deref(), Some("user-data.sh"));
    editor.set_value("echo ECS_CLUSTER=edited >> /etc/ecs/ecs.config\n");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    editor.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    page.enter("cat user-data.sh").await;
    assert!(page.terminal_text().ends_with("ECS_CLUSTER=edited >> /etc/ecs/ecs.config\n"), "{}", page.terminal_text());
    page.enter("echo '{}' > extra.json").await;
    let tabs: Vec<String> = page.all(".tab").iter().map(|t| t.text_content().unwrap()).collect();
    assert_eq!(tabs.last().map(String::as_str), Some("extra.json"));
    assert_eq!(page.get(".tab.active").text_content().as_deref(), Some("extra.json"));
    page.click(".tab[data-file='task-definition.json']").await;
    assert_eq!(page.get(".editor-text").get_attribute("data-file").as_deref(), Some("task-definition.json"));
}

#[wasm_bindgen_test]
async fn the_work_survives_a_reload() {
    let key = format!("ecs-sandbox-test/{}", js_sys::Math::random());
    let props = || AppProps { storage_key: Some(key.clone().into()), lesson: None, routing: false };
    let lesson = first_lesson();
    let (text, goals, clock) = {
        let page = mount_with(props()).await;
        for line in &lesson.solution[..5] {
            page.enter(line).await;
        }
        page.click(".hint-button").await;
        (page.terminal_text(), page.goals(), page.text("[data-testid=clock]"))
    };
    let page = mount_with(props()).await;
    assert_eq!(page.terminal_text(), text);
    assert_eq!(page.goals(), goals);
    assert!(goals.iter().any(|(_, m)| *m));
    assert_eq!(page.text("[data-testid=clock]"), clock);
    assert_eq!(page.all(".hint").len(), 1);
    assert_eq!(page.all("svg .instance").len(), 2, "the cluster view is rebuilt without animation");
    page.press("ArrowUp", false).await;
    assert_eq!(page.input().value(), lesson.solution[4], "the history too");
    drop(page);
    ecs_sandbox::persist::clear(&key);
}

#[wasm_bindgen_test]
async fn a_panic_shows_a_banner_with_its_message() {
    ecs_sandbox::panic::show_banner("boom: a test panic");
    let doc = gloo::utils::document();
    let banner = doc.get_element_by_id("panic-banner").expect("the banner is in the page");
    assert!(banner.text_content().unwrap().contains("boom: a test panic"));
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    banner.remove();
}

#[wasm_bindgen_test]
async fn a_10_mb_file_in_the_editor_is_kept_and_the_status_bar_says_it_is_not_saved() {
    use wasm_bindgen::JsCast;
    let key = format!("ecs-sandbox-test/{}", js_sys::Math::random());
    let page = mount_with(AppProps { storage_key: Some(key.clone().into()), lesson: None, routing: false }).await;
    assert!(page.find(".save-state.problem").is_none());
    let editor: web_sys::HtmlTextAreaElement = page.get(".editor-text").dyn_into().unwrap();
    editor.set_value(&"z".repeat(10 * 1024 * 1024));
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    editor.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    let problem = page.text(".save-state.problem");
    assert!(problem.contains("not saved"), "{problem}");
    page.enter("cat user-data.sh | wc").await;
    assert!(page.terminal_text().contains("10485760"), "{}", page.terminal_text());
    // The journal now holds the big workspace, so saving keeps failing until the lesson starts over.
    page.enter("echo still working").await;
    assert!(page.terminal_text().ends_with("still working\n"));
    assert!(page.find(".save-state.problem").is_some());
    page.click(".lesson-actions .reset").await;
    assert!(page.find(".save-state.problem").is_none(), "saved again after Reset");
    drop(page);
    ecs_sandbox::persist::clear(&key);
}
