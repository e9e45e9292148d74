import { Route, Routes } from "react-router-dom";
import { JobDetail } from "./JobDetail";
import { JobList } from "./JobList";

export default function JobsScreen() {
  return (
    <Routes>
      <Route index element={<JobList />} />
      <Route path=":id" element={<JobDetail />} />
    </Routes>
  );
}
