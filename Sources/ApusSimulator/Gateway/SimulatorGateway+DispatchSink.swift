/// The gateway is where the world and the REST routes send their dispatch events.
extension SimulatorGateway: SimulatorDispatchSink {}
