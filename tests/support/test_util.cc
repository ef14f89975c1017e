#include "support/test_util.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "store/store.h"

namespace oscm::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "oscm_test_XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  const char* p = mkdtemp(buf.data());
  if (p == nullptr) std::abort();
  path_ = p;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string SourcePath(const std::string& relative) { return std::string(OSCM_SOURCE_DIR) + "/" + relative; }

std::string SharedDataPath(const std::string& relative) {
  return std::string(OSCM_SOURCE_DIR) + "/../shared/data/" + relative;
}

std::string OscmBinary() { return OSCM_BINARY; }

int64_t QueryInt(store::SqliteDb& db, const std::string& sql) {
  auto stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.has_value()) << sql << ": " << stmt.status().ToString();
  if (!stmt) return -1;
  auto row = stmt->Step();
  EXPECT_TRUE(row.has_value() && *row) << sql;
  return row.has_value() && *row ? stmt->ColumnInt(0) : -1;
}

void WriteFile(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

void CompareGolden(const std::string& actual, const std::string& name) {
  const std::string path = SourcePath("tests/golden/" + name);
  if (std::getenv("OSCM_UPDATE_GOLDEN") != nullptr) {
    WriteFile(path, actual);
    return;
  }
  EXPECT_EQ(actual, ReadFile(path)) << "golden " << name << " differs; regenerate with OSCM_UPDATE_GOLDEN=1";
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}


ChildProcess::ChildProcess(const std::vector<std::string>& args, const std::vector<std::string>& env)
    : tmp_(std::make_unique<TempDir>()) {
  const std::string out_path = tmp_->Sub("out");
  const std::string err_path = tmp_->Sub("err");
  pid_ = fork();
  if (pid_ == 0) {
    const int in = open("/dev/null", O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

void ChildProcess::Signal(int sig) const {
  if (pid_ > 0) kill(pid_, sig);
}

std::string ChildProcess::Err() const { return ReadFile(tmp_->Sub("err")); }

CommandResult ChildProcess::Reap(int status) {
  pid_ = -1;
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(tmp_->Sub("out"));
  r.err = ReadFile(tmp_->Sub("err"));
  return r;
}

std::optional<CommandResult> ChildProcess::WaitFor(std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (true) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) return Reap(status);
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

CommandResult ChildProcess::Wait() {
  int status = 0;
  waitpid(pid_, &status, 0);
  return Reap(status);
}

CommandResult RunCommand(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  return ChildProcess(args, env).Wait();
}

std::vector<CommandResult> RunConcurrently(const std::vector<std::vector<std::string>>& commands,
                                           const std::vector<std::string>& env) {
  std::vector<std::unique_ptr<ChildProcess>> children;
  for (const auto& args : commands) children.push_back(std::make_unique<ChildProcess>(args, env));
  std::vector<CommandResult> results;
  for (auto& child : children) results.push_back(child->Wait());
  return results;
}

OtherWriter::OtherWriter(const std::string& path, std::chrono::milliseconds hold) {
  int ready[2];
  int release[2];
  if (pipe(ready) != 0 || pipe(release) != 0) std::abort();
  pid_ = fork();
  if (pid_ == 0) {
    close(ready[0]);
    close(release[1]);
    auto s = store::Store::Open(path);
    if (!s) _exit(2);
    auto txn = store::Transaction::Begin(s->db());
    if (!txn || !s->EnsureCommunity("other").has_value()) _exit(3);
    if (write(ready[1], "x", 1) != 1) _exit(4);
    pollfd p{release[0], POLLIN, 0};
    poll(&p, 1, static_cast<int>(hold.count()));
    _exit(txn->Commit().ok() ? 0 : 5);
  }
  close(ready[1]);
  close(release[0]);
  release_ = release[1];
  char c = 0;
  ready_ = read(ready[0], &c, 1) == 1;
  close(ready[0]);
}

int OtherWriter::Release() {
  if (pid_ <= 0) return -1;
  close(release_);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace oscm::testing
