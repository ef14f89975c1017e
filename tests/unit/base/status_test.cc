#include "oscm/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "support/test_util.h"

namespace oscm {
namespace {

TEST(StatusTest, DefaultIsOk) {
  const Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.message(), "");
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_TRUE(Status::Ok().ok());
}

TEST(StatusTest, ErrorCarriesCodeAndMessage) {
  const Status s = NotFoundError("no such repo");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "no such repo");
  EXPECT_EQ(s.ToString(), "NotFound: no such repo");
}

TEST(StatusTest, FactoriesAndCodeNames) {
  struct Case {
    Status status;
    StatusCode code;
    const char* name;
  };
  const std::vector<Case> cases = {
      {NotFoundError("m"), StatusCode::kNotFound, "NotFound"},
      {InvalidArgumentError("m"), StatusCode::kInvalidArgument, "InvalidArgument"},
      {CorruptionError("m"), StatusCode::kCorruption, "Corruption"},
      {IoError("m"), StatusCode::kIoError, "IoError"},
      {UnsupportedError("m"), StatusCode::kUnsupported, "Unsupported"},
      {CancelledError("m"), StatusCode::kCancelled, "Cancelled"},
      {InternalError("m"), StatusCode::kInternal, "Internal"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.code(), c.code);
    EXPECT_EQ(c.status.message(), "m");
    EXPECT_EQ(StatusCodeName(c.code), c.name);
    EXPECT_EQ(c.status.ToString(), std::string(c.name) + ": m");
  }
  EXPECT_EQ(StatusCodeName(StatusCode::kOk), "OK");
}

TEST(StatusTest, WithContextChainsOutsideIn) {
  const Status inner = NotFoundError("object not found");
  const Status chained =
      inner.WithContext("reading commit abc").WithContext("/repo").WithContext("ingest");
  EXPECT_EQ(chained.code(), StatusCode::kNotFound);
  EXPECT_EQ(chained.message(), "ingest: /repo: reading commit abc: object not found");
  EXPECT_EQ(chained.ToString(), "NotFound: ingest: /repo: reading commit abc: object not found");
  // The original is unchanged: WithContext returns a copy.
  EXPECT_EQ(inner.message(), "object not found");
}

TEST(StatusTest, WithContextOnOkIsNoOp) {
  const Status s = Status::Ok().WithContext("ingest");
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.message(), "");
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(ResultTest, HoldsValue) {
  Result<int> r = 42;
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(r.value(), 42);
  EXPECT_EQ(*r, 42);
  EXPECT_TRUE(r.status().ok());
  EXPECT_OK(r);
  r.value() = 7;
  EXPECT_EQ(*r, 7);
}

TEST(ResultTest, HoldsError) {
  const Result<int> r = IoError("disk full");
  EXPECT_FALSE(r.has_value());
  EXPECT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().code(), StatusCode::kIoError);
  EXPECT_EQ(r.error().message(), "disk full");
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  EXPECT_EQ(r.status().ToString(), "IoError: disk full");
}

TEST(ResultTest, ArrowAndMoveOut) {
  Result<std::string> r = std::string("hello");
  EXPECT_EQ(r->size(), 5u);
  const Result<std::string>& cr = r;
  EXPECT_EQ(cr->front(), 'h');
  EXPECT_EQ(*cr, "hello");
  std::string moved = std::move(r).value();
  EXPECT_EQ(moved, "hello");

  Result<std::unique_ptr<int>> p = std::make_unique<int>(5);
  std::unique_ptr<int> owned = *std::move(p);
  ASSERT_NE(owned, nullptr);
  EXPECT_EQ(*owned, 5);
}

TEST(ResultDeathTest, OkStatusWithoutValueAborts) {
  EXPECT_DEATH({ Result<int> r{Status::Ok()}; (void)r; }, "");
}

// Helpers for the propagation macros.
Result<int> ParsePositive(int v) {
  if (v <= 0) return InvalidArgumentError("not positive: " + std::to_string(v));
  return v;
}

Status CheckEven(int v) {
  if (v % 2 != 0) return InvalidArgumentError("odd: " + std::to_string(v));
  return Status::Ok();
}

Result<int> DoubleIfValid(int v, int* reached) {
  OSCM_ASSIGN_OR_RETURN(const int p, ParsePositive(v));
  *reached = 1;
  OSCM_RETURN_IF_ERROR(CheckEven(p));
  *reached = 2;
  return p * 2;
}

Status AssignTwice(int a, int b, int* sum) {
  // Two uses in one function need distinct temporaries (the macro uses __LINE__).
  OSCM_ASSIGN_OR_RETURN(int x, ParsePositive(a));
  OSCM_ASSIGN_OR_RETURN(int y, ParsePositive(b));
  *sum = x + y;
  return Status::Ok();
}

Status WithContextChain(int v) {
  OSCM_RETURN_IF_ERROR(CheckEven(v).WithContext("checking"));
  return Status::Ok();
}

TEST(StatusMacrosTest, AssignOrReturnPropagatesError) {
  int reached = 0;
  const Result<int> r = DoubleIfValid(-3, &reached);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.error().message(), "not positive: -3");
  EXPECT_EQ(reached, 0);
}

TEST(StatusMacrosTest, ReturnIfErrorPropagatesError) {
  int reached = 0;
  const Result<int> r = DoubleIfValid(3, &reached);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message(), "odd: 3");
  EXPECT_EQ(reached, 1);
}

TEST(StatusMacrosTest, SuccessPathRunsToTheEnd) {
  int reached = 0;
  const Result<int> r = DoubleIfValid(4, &reached);
  ASSERT_OK(r);
  EXPECT_EQ(*r, 8);
  EXPECT_EQ(reached, 2);
}

TEST(StatusMacrosTest, MultipleAssignsInOneFunction) {
  int sum = 0;
  EXPECT_OK(AssignTwice(2, 3, &sum));
  EXPECT_EQ(sum, 5);
  sum = 0;
  const Status s = AssignTwice(2, 0, &sum);
  EXPECT_EQ(s.message(), "not positive: 0");
  EXPECT_EQ(sum, 0);
}

TEST(StatusMacrosTest, ReturnIfErrorKeepsContext) {
  EXPECT_OK(WithContextChain(2));
  const Status s = WithContextChain(1);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "checking: odd: 1");
}

}  // namespace
}  // namespace oscm
