// `import Apus` gives a bot author the whole framework: models, gateway, REST and compression choices.
@_exported import ApusCompression
@_exported import ApusCore
@_exported import ApusGateway
@_exported import ApusHTTP
@_exported import ApusModel
